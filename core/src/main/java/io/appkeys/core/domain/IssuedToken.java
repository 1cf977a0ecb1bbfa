package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;

/** One token of a key, as stored: its hash and when it was issued. */
public record IssuedToken(TokenHash hash, Instant createdIn) {

    public IssuedToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdIn, "createdIn");
    }
}
