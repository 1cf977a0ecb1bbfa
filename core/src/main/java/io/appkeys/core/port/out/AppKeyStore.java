package io.appkeys.core.port.out;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.TokenSlot;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Stores app keys and the hashes of their tokens. */
public interface AppKeyStore {

    /** @throws io.appkeys.core.domain.DuplicateAppKeyException when the appKey is taken */
    void insert(AppKey key, IssuedToken token);

    Optional<AppKey> find(AccountName account, AppKeyId id);

    Optional<AppKey> findByAppKey(AppKeyName appKey);

    /** The key and its stored tokens in one read, for authentication. */
    Optional<StoredKey> findWithCredentials(AppKeyName appKey);

    Optional<KeyCredentials> credentials(AppKeyId id);

    /** The account's keys in creation order, by keyset. */
    Page<AppKey> list(AccountName account, PageRequest page);

    long count(AccountName account);

    /**
     * Activates or deactivates a key, as one conditional write: of concurrent calls that ask for the same
     * state, exactly one changes it.
     *
     * @return whether this call changed the key; false when it was in that state already or does not exist
     */
    boolean setActive(AppKeyId id, boolean active);

    /**
     * Sets or clears the instant from which the key no longer authenticates.
     *
     * @return whether this call changed the key; false when it had that expiry already or does not exist
     */
    boolean setExpiry(AppKeyId id, Optional<Instant> expiresIn);

    /** Deletes the key and its tokens. @return whether a key was deleted */
    boolean delete(AppKeyId id);

    /**
     * Adds the new token of a renewal.
     *
     * @throws io.appkeys.core.domain.ConflictException when the key has a pending renewal already
     * @throws io.appkeys.core.domain.NotFoundException when the key does not exist
     */
    void startRenewal(AppKeyId id, IssuedToken newToken);

    /** Makes the pending token the current one, dropping the old. @return false when none was pending */
    boolean finishRenewal(AppKeyId id);

    /** Drops the pending token. @return false when none was pending */
    boolean cancelRenewal(AppKeyId id);

    /** Replaces a hash if it is still {@code expected} (an upgrade after verify). @return whether it did */
    boolean replaceHash(AppKeyId id, TokenSlot slot, TokenHash expected, TokenHash replacement);

    /** Moves each key's last use forward to the given time; unknown keys and older times are ignored. */
    void recordUse(Map<AppKeyId, Instant> lastUsed);

    /** A key and its tokens. */
    record StoredKey(AppKey key, KeyCredentials credentials) {}
}
