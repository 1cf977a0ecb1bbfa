package io.appkeys.core.domain;

/** A generated appKey collided with a stored one; the key-creating use case retries with a new name. */
public final class DuplicateAppKeyException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public DuplicateAppKeyException(AppKeyName appKey) {
        super("appKey " + appKey + " already exists");
    }
}
