package io.appkeys.adapter.http;

import io.appkeys.core.domain.AuthenticationResult;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * 401 with one and the same body for every cause of rejection (unknown key, wrong token, inactive key,
 * malformed value); 429 with {@code Retry-After} for a throttled appKey; 503 with {@code Retry-After} when too
 * many token checks are waiting.
 */
@Singleton
final class NotAuthenticatedHandler implements ExceptionHandler<NotAuthenticatedException, HttpResponse<?>> {

    static final String REJECTED =
            "missing or invalid X-VTEX-API-AppKey / X-VTEX-API-AppToken, or VtexIdclientAutCookie";

    private final ProblemJson problems;

    NotAuthenticatedHandler(ProblemJson problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, NotAuthenticatedException exception) {
        AuthenticationResult result = exception.result();
        if (result instanceof AuthenticationResult.Throttled throttled) {
            return problems.respond(
                            request,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "too many failed attempts for this appKey; retry later",
                            exception)
                    .header(HttpHeaders.RETRY_AFTER, seconds(throttled.retryAfter()));
        }
        if (result instanceof AuthenticationResult.Overloaded overloaded) {
            return problems.respond(
                            request,
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "too many credential checks are waiting; retry later",
                            exception)
                    .header(HttpHeaders.RETRY_AFTER, seconds(overloaded.retryAfter()));
        }
        return problems.respond(request, HttpStatus.UNAUTHORIZED, REJECTED, exception);
    }

    static String seconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
