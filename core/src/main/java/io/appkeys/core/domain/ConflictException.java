package io.appkeys.core.domain;

/** The change contradicts the current state: a duplicate, or a renewal already pending. */
public sealed class ConflictException extends AppKeysException permits DuplicateAppKeyException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
