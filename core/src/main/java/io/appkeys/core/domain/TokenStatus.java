package io.appkeys.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a key's tokens stand, without the tokens: which key, when the current one was issued, how old it is
 * against the account's renewal cadence, and when it last authenticated; while a renewal is pending, when the
 * new one was issued and last authenticated, and when the current one stops working. The two last uses, side by
 * side, tell an operator whether the old token is still in use before the renewal is finished.
 */
public record TokenStatus(
        AppKeyId id,
        AppKeyName appKey,
        Instant tokenCreatedIn,
        Optional<Instant> newTokenCreatedIn,
        Optional<Instant> tokenExpiresIn,
        Duration tokenAge,
        TokenAge tokenAgeStatus,
        Optional<Instant> tokenLastUsedIn,
        Optional<Instant> newTokenLastUsedIn) {

    public TokenStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(tokenCreatedIn, "tokenCreatedIn");
        Objects.requireNonNull(newTokenCreatedIn, "newTokenCreatedIn");
        Objects.requireNonNull(tokenExpiresIn, "tokenExpiresIn");
        Objects.requireNonNull(tokenAge, "tokenAge");
        Objects.requireNonNull(tokenAgeStatus, "tokenAgeStatus");
        Objects.requireNonNull(tokenLastUsedIn, "tokenLastUsedIn");
        Objects.requireNonNull(newTokenLastUsedIn, "newTokenLastUsedIn");
    }

    /**
     * The status of {@code key}'s {@code credentials} as they stand at {@code now}, for an account that renews
     * tokens every {@code renewEveryMonths}.
     */
    public static TokenStatus of(
            AppKey key, KeyCredentials credentials, Instant now, Duration expirationPeriod, int renewEveryMonths) {
        KeyCredentials effective = credentials.effectiveAt(now, expirationPeriod);
        IssuedToken current = effective.current();
        return new TokenStatus(
                effective.keyId(),
                key.appKey(),
                current.createdIn(),
                effective.pending().map(IssuedToken::createdIn),
                effective.currentExpiresIn(expirationPeriod),
                now.isAfter(current.createdIn()) ? Duration.between(current.createdIn(), now) : Duration.ZERO,
                TokenAge.of(current.createdIn(), now, renewEveryMonths),
                current.lastUsedIn(),
                effective.pending().flatMap(IssuedToken::lastUsedIn));
    }

    /** Whether the current token is due or overdue for renewal. */
    public boolean renewalDue() {
        return tokenAgeStatus != TokenAge.OK;
    }
}
