package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Durations;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.port.in.ChangeAccountSettingsUseCase;
import io.appkeys.core.port.in.GetAccountSettingsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** AppKeys' own {@code /api/vlm/account/settings}: the account's key lifetime, renewal cadence and grace period. */
@Controller("/api/vlm/account/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Account settings")
final class AccountSettingsController {

    private static final String MAX_LIFETIME = "maxKeyLifetime";
    private static final String RENEW_EVERY = "renewTokensEveryMonths";
    private static final String AUTO_FINISH = "autoFinishRenewalsAfter";
    private static final Set<String> MEMBERS = Set.of(MAX_LIFETIME, RENEW_EVERY, AUTO_FINISH);

    private final GetAccountSettingsUseCase reading;
    private final ChangeAccountSettingsUseCase changing;

    AccountSettingsController(GetAccountSettingsUseCase reading, ChangeAccountSettingsUseCase changing) {
        this.reading = reading;
        this.changing = changing;
    }

    @Get
    @Operation(summary = "Read the account's settings for its keys")
    SettingsJson read(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller) {
        return SettingsJson.of(reading.accountSettings(caller));
    }

    @Put
    @Operation(
            summary = "Change the account's settings for its keys: the members sent are changed, null turns one off,"
                    + " the others stay")
    SettingsJson change(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @Body
                    @Nullable
                    @RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = SettingsJson.class)))
                    byte[] body) {
        JsonNode fields = Bodies.object(body);
        fields.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                throw new InvalidInputException("unknown member " + name + "; the settings are " + MEMBERS);
            }
        });
        if (fields.isEmpty()) {
            throw new InvalidInputException("at least one of " + MEMBERS + " is required");
        }
        // every member read before any is applied, so a bad one changes nothing
        Optional<Optional<Duration>> lifetime = member(fields, MAX_LIFETIME).map(f -> Bodies.duration(f, MAX_LIFETIME));
        Optional<Integer> months = member(fields, RENEW_EVERY)
                .map(f -> Bodies.integer(f, RENEW_EVERY)
                        .orElseThrow(
                                () -> new InvalidInputException(RENEW_EVERY + " is 3 or 6, it cannot be turned off")));
        Optional<Optional<Duration>> grace = member(fields, AUTO_FINISH).map(f -> Bodies.duration(f, AUTO_FINISH));
        return SettingsJson.of(changing.changeAccountSettings(caller, settings -> {
            AccountSettings changed = settings;
            if (lifetime.isPresent()) {
                changed = changed.withMaxKeyLifetime(lifetime.get());
            }
            if (months.isPresent()) {
                changed = changed.withRenewEveryMonths(months.get());
            }
            if (grace.isPresent()) {
                changed = changed.withAutoFinishAfter(grace.get());
            }
            return changed;
        }));
    }

    private static Optional<JsonNode> member(JsonNode fields, String name) {
        return fields.has(name) ? Optional.of(fields) : Optional.empty();
    }

    /** The settings as JSON: durations in ISO-8601, whole days as {@code P90D}; null is off. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SettingsJson(
            @Schema(
                    nullable = true,
                    format = "duration",
                    example = "P90D",
                    description = "the longest a new key may live; null: no limit (the default)")
            String maxKeyLifetime,

            @Schema(
                    allowableValues = {"3", "6"},
                    description = "how often tokens should be renewed, in months: a token older is due,"
                            + " older than twice that overdue (3 by default)")
            Integer renewTokensEveryMonths,

            @Schema(
                    nullable = true,
                    format = "duration",
                    example = "P7D",
                    description = "how long after it starts a renewal finishes by itself, shorter than the"
                            + " expiration period; null: never (the default)")
            String autoFinishRenewalsAfter) {

        static SettingsJson of(AccountSettings settings) {
            return new SettingsJson(
                    settings.maxKeyLifetime().map(Durations::format).orElse(null),
                    settings.renewEveryMonths(),
                    settings.autoFinishAfter().map(Durations::format).orElse(null));
        }
    }
}
