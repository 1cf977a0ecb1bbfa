package io.appkeys.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a key's tokens stand, without the tokens: which key, when the current one was issued and, while a
 * renewal is pending, when the new one was and when the current one stops working.
 */
public record TokenStatus(
        AppKeyId id,
        AppKeyName appKey,
        Instant tokenCreatedIn,
        Optional<Instant> newTokenCreatedIn,
        Optional<Instant> tokenExpiresIn) {

    public TokenStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(tokenCreatedIn, "tokenCreatedIn");
        Objects.requireNonNull(newTokenCreatedIn, "newTokenCreatedIn");
        Objects.requireNonNull(tokenExpiresIn, "tokenExpiresIn");
    }

    /** The status of {@code key}'s {@code credentials} as they stand at {@code now}. */
    public static TokenStatus of(AppKey key, KeyCredentials credentials, Instant now, Duration expirationPeriod) {
        KeyCredentials effective = credentials.effectiveAt(now, expirationPeriod);
        return new TokenStatus(
                effective.keyId(),
                key.appKey(),
                effective.current().createdIn(),
                effective.pending().map(IssuedToken::createdIn),
                effective.currentExpiresIn(expirationPeriod));
    }
}
