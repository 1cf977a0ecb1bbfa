package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An app key as its account sees it: never a token or a hash. Where its tokens stand (when each was issued,
 * a pending renewal) is a {@link TokenStatus}; {@code lastUsedIn} is when it last authenticated, noted at most
 * about once a minute.
 */
public record AppKey(
        AppKeyId id,
        AccountName account,
        AppKeyName appKey,
        Label label,
        Instant createdIn,
        boolean active,
        Optional<Instant> lastUsedIn) {

    public AppKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdIn, "createdIn");
        Objects.requireNonNull(lastUsedIn, "lastUsedIn");
        if (!appKey.account().equals(account)) {
            throw new InvalidInputException("appKey " + appKey + " does not belong to account " + account);
        }
    }

    public AppKey withActive(boolean newActive) {
        return new AppKey(id, account, appKey, label, createdIn, newActive, lastUsedIn);
    }
}
