package io.appkeys.adapter.http;

import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.domain.InvalidInputException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes every error, ours and Micronaut's own (unknown route, bad JSON, body too large...), as RFC 9457
 * {@code application/problem+json} that also carries VTEX's {@code Message} member. A server error never
 * shows its cause, and a JSON syntax error never echoes the body it failed on.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemJson implements ErrorResponseProcessor<Map<String, Object>> {

    static final MediaType PROBLEM = MediaType.APPLICATION_JSON_PROBLEM_TYPE;

    /** A problem response for {@code status} that says {@code detail}. */
    MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String detail, Throwable cause) {
        return processResponse(
                ErrorContext.builder(request).cause(cause).errorMessage(detail).build(), HttpResponse.status(status));
    }

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(
            ErrorContext context, MutableHttpResponse<?> response) {
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Map<String, Object>> typed = (MutableHttpResponse<Map<String, Object>>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return typed;
        }
        String detail = detail(context, response);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.valueOf(response.code()).getReason());
        body.put("status", response.code());
        body.put("detail", detail);
        body.put("instance", context.getRequest().getPath());
        body.put("Message", detail);
        return typed.body(body).contentType(PROBLEM);
    }

    private static String detail(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status >= 500 && status != 503) {
            return "the server could not complete the request";
        }
        Throwable cause = context.getRootCause().orElse(null);
        if (isOurs(cause)) {
            return context.getErrors().stream()
                    .map(Error::getMessage)
                    .findFirst()
                    .orElse(HttpStatus.valueOf(status).getReason());
        }
        return inOurWords(context.getRequest(), response, cause);
    }

    /** A refusal that this adapter or core decided, whose message already says what is wrong. */
    private static boolean isOurs(Throwable cause) {
        return cause instanceof AppKeysException
                || cause instanceof InvalidInputException
                || cause instanceof NotAuthenticatedException;
    }

    /** What the framework refused (no route, a method, a media type, a size), said in the project's words. */
    private static String inOurWords(HttpRequest<?> request, MutableHttpResponse<?> response, Throwable cause) {
        switch (response.code()) {
            case 404:
                return "there is no endpoint at this path; the endpoints are listed in /openapi/"
                        + OpenApiController.DOCUMENT;
            case 405:
                String allowed = response.getHeaders().get(HttpHeaders.ALLOW);
                return "this endpoint does not serve " + request.getMethodName()
                        + (allowed == null ? "" : "; it serves " + allowed);
            case 406:
                return "this endpoint answers in JSON only; accept application/json";
            case 413:
                return isBodyTooLarge(cause)
                        ? "the request body is too large: at most 64 KB"
                        : "the request line or headers are too large: at most 4 KB of request line and 8 KB of headers";
            case 415:
                return "the request body must be JSON, sent with Content-Type: application/json";
            case 400:
                return isJsonSyntax(cause)
                        ? "the request body is not valid JSON"
                        : "the request could not be read: check its path, query string and headers";
            default:
                return HttpStatus.valueOf(response.code()).getReason().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static boolean isBodyTooLarge(Throwable cause) {
        return cause != null && cause.getClass().getSimpleName().contains("ContentLength");
    }

    private static boolean isJsonSyntax(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonSyntaxException || t.getClass().getName().startsWith("com.fasterxml.jackson.core.")) {
                return true;
            }
        }
        return false;
    }
}
