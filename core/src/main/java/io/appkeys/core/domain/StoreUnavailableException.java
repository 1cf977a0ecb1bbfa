package io.appkeys.core.domain;

/** The store cannot be reached; nothing was written. Calls work again once the store is back. */
public final class StoreUnavailableException extends AppKeysException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
