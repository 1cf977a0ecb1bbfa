package io.appkeys.adapter.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Each request's time, into the histogram {@code http.server.requests} by method, route and status, and each answer
 * of {@code authz/check} into {@code appkeys.authz.checks} by decision. The route is the matched template
 * ({@code /api/vlm/appkeys/{id}}), never the path a client sent, so no appKey, id or misplaced token becomes a
 * label: a request no route matches is {@code NOT_FOUND} or {@code UNMATCHED}. {@link AccessLog}, the first filter,
 * times every request and hands it here, so the gateway's quick answers are counted too and metrics add no filter
 * of their own to a request's path.
 */
@Singleton
@RequiresMetrics
@Requires(beans = PrometheusMeterRegistry.class)
final class RequestMetrics {

    static final String REQUESTS = "http.server.requests";
    static final String CHECKS = "appkeys.authz.checks";

    /**
     * Prometheus' own registry rather than Micronaut's composite over it: the composite passes every record to each
     * registry it holds, a loop per request for the one registry there is. The scrape reads this registry.
     */
    private final PrometheusMeterRegistry registry;

    private final ConcurrentHashMap<Series, Timer> timers = new ConcurrentHashMap<>();
    /** Each route's template as a label, by template: as many as the server has routes. */
    private final ConcurrentHashMap<UriMatchTemplate, String> routes = new ConcurrentHashMap<>();

    private final Counter allowed;
    private final Counter denied;
    private final Counter unauthenticated;
    private final Counter throttled;
    private final Counter unavailable;
    private final Counter invalid;

    RequestMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.allowed = check(registry, "allowed");
        this.denied = check(registry, "denied");
        this.unauthenticated = check(registry, "unauthenticated");
        this.throttled = check(registry, "throttled");
        this.unavailable = check(registry, "unavailable");
        this.invalid = check(registry, "invalid");
    }

    /** A request answered with {@code status} after {@code nanos}. */
    void record(HttpRequest<?> request, int status, long nanos) {
        String route = route(request, status);
        timers.computeIfAbsent(new Series(request.getMethodName(), route, status), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (AuthzController.CHECK_PATH.equals(route)) {
            decision(status).increment();
        }
    }

    /** {@code 200} allowed, {@code 403} denied, {@code 401}, {@code 429}, {@code 503}, or anything else. */
    private Counter decision(int status) {
        return switch (status) {
            case 200 -> allowed;
            case 403 -> denied;
            case 401 -> unauthenticated;
            case 429 -> throttled;
            case 503 -> unavailable;
            default -> invalid;
        };
    }

    /**
     * The matched route's template; a label for any request without one, never its path. Micronaut builds a
     * template's path string anew on each call, so each route's is kept once made.
     */
    private String route(HttpRequest<?> request, int status) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> routes.computeIfAbsent(
                        ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate(),
                        UriMatchTemplate::toPathString))
                .orElse(status == 404 ? "NOT_FOUND" : "UNMATCHED");
    }

    private Timer timer(Series series) {
        return Timer.builder(REQUESTS)
                .description("HTTP requests served, by method, route template and status")
                .tag("method", series.method())
                .tag("uri", series.route())
                .tag("status", Integer.toString(series.status()))
                .publishPercentileHistogram()
                // the maximum's window in one piece rather than three: one value to update per request, not three
                .distributionStatisticBufferLength(1)
                .register(registry);
    }

    private static Counter check(MeterRegistry registry, String decision) {
        return Counter.builder(CHECKS)
                .description("Answers of GET and HEAD /api/authz/check, by decision")
                .tag("decision", decision)
                .register(registry);
    }

    /** One timer's labels. */
    private record Series(String method, String route, int status) {}
}
