package io.appkeys.core.domain;

/** Input that breaks a domain rule; the message says what is wrong and never echoes a secret. */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
