package io.appkeys.core.domain;

/** A use case said no, or could not reach its store. Adapters map each kind to their own status. */
public abstract sealed class AppKeysException extends RuntimeException
        permits NotFoundException, ConflictException, ForbiddenException, StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    protected AppKeysException(String message) {
        super(message);
    }

    protected AppKeysException(String message, Throwable cause) {
        super(message, cause);
    }
}
