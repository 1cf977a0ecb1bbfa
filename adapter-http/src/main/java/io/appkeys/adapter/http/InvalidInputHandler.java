package io.appkeys.adapter.http;

import io.appkeys.core.domain.InvalidInputException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Bad input, as core's value objects or this adapter found it: 400 with the message that says what is wrong. */
@Singleton
final class InvalidInputHandler implements ExceptionHandler<InvalidInputException, HttpResponse<?>> {

    private final ProblemJson problems;

    InvalidInputHandler(ProblemJson problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidInputException exception) {
        return problems.respond(request, HttpStatus.BAD_REQUEST, exception.getMessage(), exception);
    }
}
