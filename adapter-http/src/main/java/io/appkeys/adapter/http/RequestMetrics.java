package io.appkeys.adapter.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into the histogram {@code http.server.requests}, by method, route and status. The route is
 * the matched template ({@code /api/vlm/appkeys/{id}}), never the path a client sent, so no appKey, id or
 * misplaced token becomes a label: a request no route matches is {@code NOT_FOUND} or {@code UNMATCHED}. It runs
 * before the gateway's quick answer, which Micronaut's own request timer (ordered after it) would miss.
 */
@RequiresMetrics
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestMetrics implements Ordered {

    static final String NAME = "http.server.requests";
    private static final String STARTED = "appkeys.metrics.started";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<Series, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Long started = request.getAttribute(STARTED, Long.class).orElse(null);
        if (started == null) {
            return;
        }
        Series series = new Series(request.getMethodName(), route(request, response.code()), response.code());
        timers.computeIfAbsent(series, this::timer).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The matched route's template; a label for any request without one, never its path. */
    private static String route(HttpRequest<?> request, int status) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match)
                        .getRouteInfo()
                        .getUriMatchTemplate()
                        .toPathString())
                .orElse(status == 404 ? "NOT_FOUND" : "UNMATCHED");
    }

    private Timer timer(Series series) {
        return Timer.builder(NAME)
                .description("HTTP requests served, by method, route template and status")
                .tag("method", series.method())
                .tag("uri", series.route())
                .tag("status", Integer.toString(series.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_METRICS;
    }

    /** One timer's labels. */
    private record Series(String method, String route, int status) {}
}
