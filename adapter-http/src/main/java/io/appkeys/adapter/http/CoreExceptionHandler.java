package io.appkeys.adapter.http;

import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.StoreUnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps core's refusals to their statuses: 403, 404, 409, and 503 when the store cannot be reached. */
@Singleton
final class CoreExceptionHandler implements ExceptionHandler<AppKeysException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(CoreExceptionHandler.class);
    /** A store outage is usually short; tell clients to come back soon rather than give up. */
    static final String STORE_RETRY_SECONDS = "5";

    private final ProblemJson problems;

    CoreExceptionHandler(ProblemJson problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, AppKeysException exception) {
        if (exception instanceof StoreUnavailableException) {
            LOG.warn(
                    "store unavailable for {} {}: {}",
                    request.getMethodName(),
                    request.getPath(),
                    exception.getMessage());
            return problems.respond(
                            request,
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "the key store is unavailable; retry later",
                            exception)
                    .header(HttpHeaders.RETRY_AFTER, STORE_RETRY_SECONDS);
        }
        return problems.respond(request, status(exception), exception.getMessage(), exception);
    }

    static HttpStatus status(AppKeysException exception) {
        if (exception instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (exception instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (exception instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
