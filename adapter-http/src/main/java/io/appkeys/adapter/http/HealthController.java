package io.appkeys.adapter.http;

import io.appkeys.core.port.in.CheckReadinessUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The server's health, without credentials. {@code GET /health} and {@code GET /health/liveness}: the process is
 * up and serving HTTP, answered on the event loop without touching the store, so that a store outage never turns
 * into restarts. {@code GET /health/readiness}: the store answers too, 503 while it cannot be reached, for a load
 * balancer to send requests elsewhere meanwhile.
 */
@Controller("/health")
@Tag(name = "Service")
final class HealthController {

    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    private final CheckReadinessUseCase readiness;

    HealthController(CheckReadinessUseCase readiness) {
        this.readiness = readiness;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Liveness: the server is up (the same as /health/liveness)")
    @SecurityRequirements
    String health() {
        return UP;
    }

    @Get("/liveness")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Liveness: the process lives and serves HTTP; never reads the store")
    @SecurityRequirements
    String liveness() {
        return UP;
    }

    @Get("/readiness")
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Readiness: the store answers; 503 while it cannot be reached")
    @SecurityRequirements
    HttpResponse<String> readiness() {
        return readiness.ready()
                ? HttpResponse.ok(UP)
                : HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).body(DOWN);
    }
}
