package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An app key as its account sees it: never a token or a hash. Where its tokens stand (when each was issued,
 * a pending renewal) is a {@link TokenStatus}; {@code lastUsedIn} is when it last authenticated, noted at most
 * about once a minute; {@code expiresIn}, when set, is the instant from which it no longer authenticates, as if
 * it were inactive; {@code networks} are where it may be used from; {@code metadata} is what the account says of
 * it, not secret, for gateways to read.
 */
public record AppKey(
        AppKeyId id,
        AccountName account,
        AppKeyName appKey,
        Label label,
        Instant createdIn,
        boolean active,
        Optional<Instant> lastUsedIn,
        Optional<Instant> expiresIn,
        AllowedNetworks networks,
        Optional<KeyMetadata> metadata) {

    public AppKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdIn, "createdIn");
        Objects.requireNonNull(lastUsedIn, "lastUsedIn");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(networks, "networks");
        Objects.requireNonNull(metadata, "metadata");
        if (!appKey.account().equals(account)) {
            throw new InvalidInputException("appKey " + appKey + " does not belong to account " + account);
        }
    }

    /** A key that may be used from anywhere and says nothing of itself. */
    public AppKey(
            AppKeyId id,
            AccountName account,
            AppKeyName appKey,
            Label label,
            Instant createdIn,
            boolean active,
            Optional<Instant> lastUsedIn,
            Optional<Instant> expiresIn) {
        this(
                id,
                account,
                appKey,
                label,
                createdIn,
                active,
                lastUsedIn,
                expiresIn,
                AllowedNetworks.ANYWHERE,
                Optional.empty());
    }

    public AppKey withActive(boolean newActive) {
        return new AppKey(id, account, appKey, label, createdIn, newActive, lastUsedIn, expiresIn, networks, metadata);
    }

    public AppKey withExpiresIn(Optional<Instant> newExpiresIn) {
        return new AppKey(id, account, appKey, label, createdIn, active, lastUsedIn, newExpiresIn, networks, metadata);
    }

    public AppKey withLastUsedIn(Optional<Instant> newLastUsedIn) {
        return new AppKey(id, account, appKey, label, createdIn, active, newLastUsedIn, expiresIn, networks, metadata);
    }

    public AppKey withNetworks(AllowedNetworks newNetworks) {
        return new AppKey(id, account, appKey, label, createdIn, active, lastUsedIn, expiresIn, newNetworks, metadata);
    }

    public AppKey withMetadata(Optional<KeyMetadata> newMetadata) {
        return new AppKey(id, account, appKey, label, createdIn, active, lastUsedIn, expiresIn, networks, newMetadata);
    }

    /** Whether the key has expired at {@code now}: from its expiry instant on, exactly. */
    public boolean expiredAt(Instant now) {
        return expiresIn.isPresent() && !now.isBefore(expiresIn.get());
    }
}
