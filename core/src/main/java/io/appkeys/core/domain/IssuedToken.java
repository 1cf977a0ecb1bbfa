package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One token of a key, as stored: its hash, when it was issued and, once it has authenticated, when it last did
 * (noted at most about once a minute, as the key's own last use is).
 */
public record IssuedToken(TokenHash hash, Instant createdIn, Optional<Instant> lastUsedIn) {

    public IssuedToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdIn, "createdIn");
        Objects.requireNonNull(lastUsedIn, "lastUsedIn");
    }

    /** A token just issued, never used. */
    public IssuedToken(TokenHash hash, Instant createdIn) {
        this(hash, createdIn, Optional.empty());
    }
}
