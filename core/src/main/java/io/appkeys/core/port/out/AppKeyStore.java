package io.appkeys.core.port.out;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyUsage;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.TokenSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    /** The account's keys with their tokens in creation order, by keyset. */
    default Page<StoredKey> list(AccountName account, PageRequest page) {
        return list(account, page, KeyQuery.ALL);
    }

    /** The account's keys that meet the query, with their tokens, in creation order, by keyset. */
    Page<StoredKey> list(AccountName account, PageRequest page, KeyQuery query);

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

    /**
     * Sets where the key may be used from.
     *
     * @return whether this call changed the key; false when it had those networks already or does not exist
     */
    boolean setNetworks(AppKeyId id, AllowedNetworks networks);

    /**
     * Sets or clears what the account says of the key.
     *
     * @return whether this call changed the key; false when it had that metadata already or does not exist
     */
    boolean setMetadata(AppKeyId id, Optional<KeyMetadata> metadata);

    /** Deletes the key and its tokens. @return whether a key was deleted */
    boolean delete(AppKeyId id);

    /**
     * Adds the new token of a renewal that, when {@code autoFinishIn} is set, finishes by itself at that instant
     * if it has not ended before.
     *
     * @throws io.appkeys.core.domain.ConflictException when the key has a pending renewal already
     * @throws io.appkeys.core.domain.NotFoundException when the key does not exist
     */
    void startRenewal(AppKeyId id, IssuedToken newToken, Optional<Instant> autoFinishIn);

    /**
     * Makes the pending token the current one, with its last use, dropping the old. @return false when none was
     * pending
     */
    boolean finishRenewal(AppKeyId id);

    /** Drops the pending token. @return false when none was pending */
    boolean cancelRenewal(AppKeyId id);

    /** Replaces a hash if it is still {@code expected} (an upgrade after verify). @return whether it did */
    boolean replaceHash(AppKeyId id, TokenSlot slot, TokenHash expected, TokenHash replacement);

    /**
     * Moves each key's last use forward to the given time, and that of the token used, if the key still holds a
     * token issued at that instant; unknown keys and older times are ignored.
     */
    void recordUse(Map<TokenUse, Instant> lastUsed);

    /** Adds to keys' hourly counts of successful authentications; keys no longer stored are skipped. */
    void addUses(Map<HourOfUse, Long> uses);

    /** The key's hourly counts from the hour starting at {@code from} on, oldest first; hours without use absent. */
    List<KeyUsage.Hour> uses(AppKeyId id, Instant from);

    /** Forgets every key's counts of the hours that start before {@code before}; returns how many it forgot. */
    int forgetUsesBefore(Instant before);

    /** A key's hour of use: the hour starting at {@code start}, a whole UTC hour. */
    record HourOfUse(AppKeyId key, Instant start) {}

    /** A key and its tokens. */
    record StoredKey(AppKey key, KeyCredentials credentials) {}

    /**
     * A use of a key's token, the token named by when it was issued: a slot would name another token once a
     * renewal is finished between the use and its record.
     */
    record TokenUse(AppKeyId key, Instant tokenIssuedIn) {

        public TokenUse {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(tokenIssuedIn, "tokenIssuedIn");
        }
    }

    /**
     * Which keys a list holds: those that meet every condition given. {@code labelContains} is found in the label
     * ignoring case (as far as the store's collation knows the letters), each of its characters taken literally,
     * {@code %} and {@code _} included.
     */
    record KeyQuery(Optional<String> labelContains, Optional<Boolean> active, Optional<DueFilter> due) {

        public static final KeyQuery ALL = new KeyQuery(Optional.empty(), Optional.empty(), Optional.empty());

        public KeyQuery {
            Objects.requireNonNull(labelContains, "labelContains");
            Objects.requireNonNull(active, "active");
            Objects.requireNonNull(due, "due");
        }

        /** The query in Java, for a store that filters in memory; a SQL store says the same in SQL. */
        public boolean holds(StoredKey stored) {
            String label = stored.key().label().value().toLowerCase(Locale.ROOT);
            return labelContains
                            .map(part -> label.contains(part.toLowerCase(Locale.ROOT)))
                            .orElse(true)
                    && active.map(wanted -> wanted == stored.key().active()).orElse(true)
                    && due.map(filter -> filter.holds(stored.credentials())).orElse(true);
        }
    }

    /**
     * The keys whose token in force at {@code now} was issued at or before {@code issuedBy}: the current token,
     * or the new one of a renewal that has ended by itself at {@code now} (its expiration period, counted from
     * the new token's issue, is over, or its automatic finish is past).
     */
    record DueFilter(Instant issuedBy, Instant now, Duration expirationPeriod) {

        public DueFilter {
            Objects.requireNonNull(issuedBy, "issuedBy");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(expirationPeriod, "expirationPeriod");
        }

        public boolean holds(KeyCredentials credentials) {
            return !credentials
                    .effectiveAt(now, expirationPeriod)
                    .current()
                    .createdIn()
                    .isAfter(issuedBy);
        }
    }
}
