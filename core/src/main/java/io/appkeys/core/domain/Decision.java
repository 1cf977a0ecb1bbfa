package io.appkeys.core.domain;

/** Whether a principal may use a resource. */
public enum Decision {
    ALLOWED,
    DENIED;

    public boolean allowed() {
        return this == ALLOWED;
    }
}
