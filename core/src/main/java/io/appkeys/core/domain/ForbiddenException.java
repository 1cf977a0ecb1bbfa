package io.appkeys.core.domain;

/** The caller is authenticated but its roles do not allow the action. */
public final class ForbiddenException extends AppKeysException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
