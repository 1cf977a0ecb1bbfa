package io.appkeys.core.domain;

/** Where a token sits in a key: the current one, or the new one of a pending renewal. */
public enum TokenSlot {
    CURRENT,
    PENDING
}
