package io.appkeys.core.domain;

/** The thing named does not exist in the caller's account (or is not the caller's to see). */
public final class NotFoundException extends AppKeysException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
