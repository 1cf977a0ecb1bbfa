package io.appkeys.adapter.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Counts the answers of {@code authz/check} into {@code appkeys.authz.checks} by decision, wherever in the server
 * the answer was made (the gateway's quick answer, the authentication filter, the controller): {@code allowed},
 * {@code denied}, {@code unauthenticated}, {@code throttled}, {@code unavailable} (503) and {@code invalid} (any
 * other answer, such as a malformed resource).
 */
@RequiresMetrics
@ServerFilter(AuthzController.CHECK_PATH)
final class AuthzDecisions implements Ordered {

    static final String NAME = "appkeys.authz.checks";

    private final Counter allowed;
    private final Counter denied;
    private final Counter unauthenticated;
    private final Counter throttled;
    private final Counter unavailable;
    private final Counter invalid;

    AuthzDecisions(MeterRegistry registry) {
        this.allowed = counter(registry, "allowed");
        this.denied = counter(registry, "denied");
        this.unauthenticated = counter(registry, "unauthenticated");
        this.throttled = counter(registry, "throttled");
        this.unavailable = counter(registry, "unavailable");
        this.invalid = counter(registry, "invalid");
    }

    @ResponseFilter
    void count(HttpResponse<?> response) {
        Counter counter = switch (response.code()) {
            case 200 -> allowed;
            case 403 -> denied;
            case 401 -> unauthenticated;
            case 429 -> throttled;
            case 503 -> unavailable;
            default -> invalid;
        };
        counter.increment();
    }

    private static Counter counter(MeterRegistry registry, String decision) {
        return Counter.builder(NAME)
                .description("Answers of GET /api/authz/check, by decision")
                .tag("decision", decision)
                .register(registry);
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_METRICS;
    }
}
