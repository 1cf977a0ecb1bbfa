package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a signed token says, once its signature has been checked: which app key of which account it stands for,
 * which of the key's appTokens it was exchanged for ({@code pairIssuedIn}, that token's creation time, so that
 * the signed token ends with it), its own id, and when it was issued and expires. Nothing in it is secret, and
 * it grants nothing by itself: the key's current state and roles decide.
 */
public record TokenClaims(
        UUID tokenId, AppKeyId keyId, AppKeyName appKey, Instant pairIssuedIn, Instant issuedAt, Instant expiresAt) {

    public TokenClaims {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(pairIssuedIn, "pairIssuedIn");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new InvalidInputException("a token must expire after it is issued");
        }
    }

    /** The account the token's key belongs to, and the only one it may act in. */
    public AccountName account() {
        return appKey.account();
    }

    /** Whether the token has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
