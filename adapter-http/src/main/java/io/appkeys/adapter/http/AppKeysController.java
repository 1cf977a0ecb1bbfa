package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.DeleteAppKeyUseCase;
import io.appkeys.core.port.in.ListAppKeysUseCase;
import io.appkeys.core.port.in.SetAppKeyActiveUseCase;
import io.appkeys.core.port.in.SetAppKeyExpiryUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** VTEX's License Manager app keys: {@code /api/vlm/appkeys}. */
@Controller("/api/vlm/appkeys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "App keys")
final class AppKeysController {

    private final CreateAppKeyUseCase creating;
    private final ListAppKeysUseCase listing;
    private final SetAppKeyActiveUseCase activating;
    private final SetAppKeyExpiryUseCase expiring;
    private final DeleteAppKeyUseCase deleting;

    AppKeysController(
            CreateAppKeyUseCase creating,
            ListAppKeysUseCase listing,
            SetAppKeyActiveUseCase activating,
            SetAppKeyExpiryUseCase expiring,
            DeleteAppKeyUseCase deleting) {
        this.creating = creating;
        this.listing = listing;
        this.activating = activating;
        this.expiring = expiring;
        this.deleting = deleting;
    }

    @Post
    @Operation(summary = "Create an app key; its appToken is in this response only")
    HttpResponse<CreatedKey> create(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @Body
                    @Nullable
                    @RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = LabelBody.class)))
                    byte[] body) {
        JsonNode fields = Bodies.object(body);
        Label label = new Label(Bodies.text(fields, "label").orElse(null));
        CreatedAppKey created = creating.createAppKey(caller, label, Bodies.instant(fields, "expiresIn"));
        AppKey key = created.key();
        return HttpResponse.ok(new CreatedKey(
                        key.id().toString(),
                        key.appKey().value(),
                        created.token().reveal(),
                        key.label().value(),
                        key.createdIn().toString(),
                        key.active(),
                        expiresIn(key),
                        expired(key)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get
    @Operation(summary = "List the account's app keys, never with a token")
    List<KeyItem> list(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller) {
        return Pages.all(page -> listing.listAppKeys(caller, page)).stream()
                .map(KeyItem::of)
                .toList();
    }

    @Put("/{id}")
    @Operation(summary = "Activate or deactivate an app key, or set or clear (null) its expiry")
    @Status(HttpStatus.OK)
    void setActive(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @PathVariable String id,
            @Body
                    @Nullable
                    @RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ActiveBody.class)))
                    byte[] body) {
        KeyRef key = KeyRef.parse(id);
        JsonNode fields = Bodies.object(body);
        boolean active = fields.has("isActive");
        boolean expiry = fields.has("expiresIn");
        if (!active && !expiry) {
            throw new InvalidInputException("isActive or expiresIn is required");
        }
        // both read before either is applied, so a bad member changes nothing
        Optional<Instant> expiresIn = expiry ? Bodies.instant(fields, "expiresIn") : Optional.empty(); // null: never
        boolean isActive = active && Bodies.bool(fields, "isActive");
        if (expiry) {
            expiring.setAppKeyExpiry(caller, key, expiresIn);
        }
        if (active) {
            activating.setAppKeyActive(caller, key, isActive);
        }
    }

    @Delete("/{id}")
    @Operation(summary = "Delete an app key, its tokens and its role links")
    @Status(HttpStatus.NO_CONTENT)
    void delete(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, @PathVariable String id) {
        deleting.deleteAppKey(caller, KeyRef.parse(id));
    }

    /** The body of a create, for the OpenAPI document: the body is read field by field by {@link Bodies}. */
    record LabelBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Label.MAX_LENGTH)
            String label,

            @Schema(
                    format = "date-time",
                    description = "when the key stops authenticating, in the future; absent: never"
                            + " (AppKeys' own member)")
            String expiresIn) {}

    /** The body of an activation or an expiry change, for the OpenAPI document: either member, or both. */
    record ActiveBody(
            Boolean isActive,

            @Schema(
                    format = "date-time",
                    nullable = true,
                    description = "when the key stops authenticating; null: never (AppKeys' own member)")
            String expiresIn) {}

    /**
     * The one response that carries an appToken. {@code expiresIn} and {@code expired}, AppKeys' own members,
     * appear only for a key that expires, so a key that does not looks exactly as VTEX's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedKey(
            String id,
            String appKey,
            String appToken,
            String label,
            String createdIn,
            boolean isActive,
            String expiresIn,
            Boolean expired) {

        @Override
        public String toString() {
            return "CreatedKey[appKey=" + appKey + ", appToken=redacted]";
        }
    }

    /** A key as lists show it; {@code expiresIn} and {@code expired} only for a key that expires. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyItem(
            String id,
            String appKey,
            String label,
            String createdIn,
            boolean isActive,
            String expiresIn,
            Boolean expired) {

        static KeyItem of(AppKey key) {
            return new KeyItem(
                    key.id().toString(),
                    key.appKey().value(),
                    key.label().value(),
                    key.createdIn().toString(),
                    key.active(),
                    AppKeysController.expiresIn(key),
                    AppKeysController.expired(key));
        }
    }

    /** AppKeys' own {@code expiresIn} member: the key's expiry, or null (left out) for a key that never expires. */
    static String expiresIn(AppKey key) {
        return key.expiresIn().map(Instant::toString).orElse(null);
    }

    /** AppKeys' own {@code expired} member: whether the key has expired, or null for a key that never expires. */
    static Boolean expired(AppKey key) {
        return key.expiresIn().isPresent() ? key.expiredAt(Instant.now()) : null;
    }
}
