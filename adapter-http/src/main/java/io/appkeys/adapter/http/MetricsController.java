package io.appkeys.adapter.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /metrics}: every meter in Prometheus's text format, without credentials (like {@code /health}; keep
 * it on a network only the scraper reaches). {@code APPKEYS_METRICS=false} turns metrics off, and this path with
 * them.
 */
@RequiresMetrics
@Requires(beans = PrometheusMeterRegistry.class)
@Controller("/metrics")
@Tag(name = "Service")
final class MetricsController {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Metrics in Prometheus's text format; no label holds an appKey or any per-key value")
    @SecurityRequirements
    HttpResponse<String> scrape() {
        return HttpResponse.ok(registry.scrape()).contentType(CONTENT_TYPE);
    }
}
