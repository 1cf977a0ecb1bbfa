package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.KeyUsage;
import io.appkeys.core.port.in.GetKeyUsageUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * {@code GET /api/vlm/appkeys/{id}/usage?hours=N}: a key's successful authentications per UTC hour over the last N
 * hours (24 by default), and its totals over the last 24 hours and 7 days. AppKeys' own; counts reach the store
 * a few seconds after the uses.
 */
@Controller("/api/vlm/appkeys/{id}/usage")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "App keys")
final class KeyUsageController {

    private final GetKeyUsageUseCase usage;

    KeyUsageController(GetKeyUsageUseCase usage) {
        this.usage = usage;
    }

    @Get
    @Operation(summary = "A key's successful authentications per hour, with 24-hour and 7-day totals (AppKeys' own)")
    Usage usage(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @PathVariable String id,
            @Parameter(description = "how many hours to list, the current one included: 1 to 2160 (90 days)")
                    @QueryValue("hours")
                    @Nullable
                    String hours) {
        int wanted = Pages.wholeNumber(hours, "hours", GetKeyUsageUseCase.MAX_HOURS, 24);
        KeyUsage read = usage.keyUsage(caller, KeyRef.parse(id), wanted);
        return new Usage(
                id,
                read.last24Hours(),
                read.last7Days(),
                read.hours().stream()
                        .map(hour -> new Hour(hour.start().toString(), hour.uses()))
                        .toList());
    }

    /** The reading: hours without any use are left out of {@code hours}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Usage(String id, long last24Hours, long last7Days, List<Hour> hours) {}

    /** The uses in the hour starting at {@code start} (UTC, ISO 8601). */
    record Hour(String start, long uses) {}
}
