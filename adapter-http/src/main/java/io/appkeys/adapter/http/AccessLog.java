package io.appkeys.adapter.http;

import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code io.appkeys.access}: method (a custom one shows as CUSTOM), path,
 * status, duration and the appKey when it is well formed. Never the query string, never a header other than
 * the appKey, and a path segment long enough to be an appToken is replaced, so no secret reaches the log even
 * when a client misplaces one. Its lines skip the text appender's token redaction, being built from checked parts;
 * they carry the same parts as key-value pairs, which the JSON format writes as fields. {@code appkeys.access-log}
 * turns it off or writes a sample of requests (see {@link AccessLogSampling}). Being the first filter, it also times
 * every request for {@link RequestMetrics} when metrics are on, so that they cost no filter of their own, and closes
 * each connection after its answer once the server is {@link Draining}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Context // made at start, so that a setting it refuses stops the server from starting
final class AccessLog implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("io.appkeys.access");
    private static final String STARTED = "appkeys.started";

    private final AccessLogSampling sampling;
    private final RequestMetrics metrics;
    private final Draining draining;

    AccessLog(@Value("${appkeys.access-log:on}") String setting, @Nullable RequestMetrics metrics, Draining draining) {
        this.sampling = AccessLogSampling.parse(setting);
        this.metrics = metrics;
        this.draining = draining;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        if (metrics != null || logs()) {
            request.setAttribute(STARTED, System.nanoTime());
        }
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (draining.started()) {
            response.header(HttpHeaders.CONNECTION, "close");
        }
        if (metrics == null && !logs()) {
            return;
        }
        Object started = request.getAttribute(STARTED).orElse(null);
        long nanos = started instanceof Long start ? System.nanoTime() - start : -1000L;
        int status = response.code();
        if (metrics != null && nanos >= 0) {
            metrics.record(request, status, nanos);
        }
        if (!logs() || !sampling.writes(status, ThreadLocalRandom.current())) {
            return;
        }
        long micros = nanos / 1000;
        String method = request.getMethod().name();
        String path = safePath(request.getPath());
        String header = request.getHeaders().get(RequestCredentials.APP_KEY);
        String appKey = AppKeyName.isWellFormed(header) ? header : "-";
        LOG.atInfo()
                .setMessage("{} {} {} {}us appKey={}")
                .addArgument(method)
                .addArgument(path)
                .addArgument(status)
                .addArgument(micros)
                .addArgument(appKey)
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("status", status)
                .addKeyValue("micros", micros)
                .addKeyValue("appKey", appKey)
                .log();
    }

    private boolean logs() {
        return !sampling.off() && LOG.isInfoEnabled();
    }

    /** The path with any segment long enough to be an appToken replaced, well formed or not. */
    static String safePath(String path) {
        if (path.length() < AppToken.LENGTH) {
            return path;
        }
        return Arrays.stream(path.split("/", -1))
                .map(segment -> segment.length() >= AppToken.LENGTH ? "[redacted]" : segment)
                .collect(Collectors.joining("/"));
    }

    @Override
    public int getOrder() {
        return FilterOrder.ACCESS_LOG;
    }
}
