package io.appkeys.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a key's tokens stand, without the tokens: when the current one was issued and, while a renewal is
 * pending, when the new one was and when the current one stops working.
 */
public record TokenStatus(
        AppKeyId id, Instant tokenCreatedIn, Optional<Instant> newTokenCreatedIn, Optional<Instant> tokenExpiresIn) {

    public TokenStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenCreatedIn, "tokenCreatedIn");
        Objects.requireNonNull(newTokenCreatedIn, "newTokenCreatedIn");
        Objects.requireNonNull(tokenExpiresIn, "tokenExpiresIn");
    }

    /** The status of {@code credentials} as they stand at {@code now}. */
    public static TokenStatus of(KeyCredentials credentials, Instant now, Duration expirationPeriod) {
        KeyCredentials effective = credentials.effectiveAt(now, expirationPeriod);
        return new TokenStatus(
                effective.keyId(),
                effective.current().createdIn(),
                effective.pending().map(IssuedToken::createdIn),
                effective.currentExpiresIn(expirationPeriod));
    }
}
