package io.appkeys.core.domain;

/** Why a pair was rejected; kept for metrics and the rate-limited log, never told to the caller. */
public enum RejectionReason {
    MALFORMED,
    UNKNOWN_KEY,
    INACTIVE_KEY,
    EXPIRED_KEY,
    DISALLOWED_ADDRESS,
    WRONG_TOKEN
}
