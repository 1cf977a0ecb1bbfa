package io.appkeys.adapter.http;

import io.micronaut.context.annotation.Replaces;
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
        return processResponse(ErrorContext.builder(request).cause(cause).errorMessage(detail).build(),
                HttpResponse.status(status));
    }

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
            MutableHttpResponse<?> response) {
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Map<String, Object>> typed = (MutableHttpResponse<Map<String, Object>>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return typed;
        }
        String detail = detail(context, response.code());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.valueOf(response.code()).getReason());
        body.put("status", response.code());
        body.put("detail", detail);
        body.put("instance", context.getRequest().getPath());
        body.put("Message", detail);
        return typed.body(body).contentType(PROBLEM);
    }

    private static String detail(ErrorContext context, int status) {
        if (status >= 500 && status != 503) {
            return "the server could not complete the request";
        }
        if (isJsonSyntax(context.getRootCause().orElse(null))) {
            return "the request body is not valid JSON";
        }
        String reason = HttpStatus.valueOf(status).getReason();
        String message = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(reason);
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode() && message.equals(reason)) {
            // Netty refused the request before it was parsed; the body's own limit says so in its message
            return "the request line or headers are too large: at most 4 KB of request line and 8 KB of headers";
        }
        return message;
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
