package io.appkeys.adapter.http;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /health}: the process is up and serving HTTP. A liveness check for load balancers, so it is
 * answered on the event loop without touching the store, which a cut would otherwise turn into restarts;
 * a store outage shows as 503 on the API itself.
 */
@Controller("/health")
@Tag(name = "Service")
final class HealthController {

    private static final String UP = "{\"status\":\"UP\"}";

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Liveness: the server is up")
    @SecurityRequirements
    String health() {
        return UP;
    }
}
