package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An app key as its account sees it: never a token or a hash. Where its tokens stand (when each was issued,
 * a pending renewal) is a {@link TokenStatus}; {@code lastUsedIn} is when it last authenticated, noted at most
 * about once a minute; {@code expiresIn}, when set, is the instant from which it no longer authenticates, as if
 * it were inactive.
 */
public record AppKey(
        AppKeyId id,
        AccountName account,
        AppKeyName appKey,
        Label label,
        Instant createdIn,
        boolean active,
        Optional<Instant> lastUsedIn,
        Optional<Instant> expiresIn) {

    public AppKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdIn, "createdIn");
        Objects.requireNonNull(lastUsedIn, "lastUsedIn");
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (!appKey.account().equals(account)) {
            throw new InvalidInputException("appKey " + appKey + " does not belong to account " + account);
        }
    }

    public AppKey withActive(boolean newActive) {
        return new AppKey(id, account, appKey, label, createdIn, newActive, lastUsedIn, expiresIn);
    }

    public AppKey withExpiresIn(Optional<Instant> newExpiresIn) {
        return new AppKey(id, account, appKey, label, createdIn, active, lastUsedIn, newExpiresIn);
    }

    /** Whether the key has expired at {@code now}: from its expiry instant on, exactly. */
    public boolean expiredAt(Instant now) {
        return expiresIn.isPresent() && !now.isBefore(expiresIn.get());
    }
}
