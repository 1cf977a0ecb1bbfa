package io.appkeys.core.memory;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.DuplicateAppKeyException;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyUsage;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.TokenSlot;
import io.appkeys.core.port.out.AppKeyStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Keys and their tokens in memory, indexed by id and by appKey. */
final class InMemoryKeys implements AppKeyStore {

    private final MemoryTransactions memory;
    private final Map<AppKeyId, StoredKey> keys = new HashMap<>();
    private final Map<AppKeyName, AppKeyId> byName = new HashMap<>();
    private final Map<HourOfUse, Long> uses = new HashMap<>();

    InMemoryKeys(MemoryTransactions memory) {
        this.memory = memory;
    }

    @Override
    public void insert(AppKey key, IssuedToken token) {
        memory.locked(() -> {
            if (byName.containsKey(key.appKey())) {
                throw new DuplicateAppKeyException(key.appKey());
            }
            if (keys.containsKey(key.id())) {
                throw new ConflictException("app key id " + key.id() + " already exists");
            }
            keys.put(key.id(), new StoredKey(key, new KeyCredentials(key.id(), token, Optional.empty())));
            byName.put(key.appKey(), key.id());
            memory.onRollback(() -> {
                keys.remove(key.id());
                byName.remove(key.appKey());
            });
            return null;
        });
    }

    @Override
    public Optional<AppKey> find(AccountName account, AppKeyId id) {
        return memory.locked(() -> Optional.ofNullable(keys.get(id))
                .map(StoredKey::key)
                .filter(key -> key.account().equals(account)));
    }

    @Override
    public Optional<AppKey> findByAppKey(AppKeyName appKey) {
        return findWithCredentials(appKey).map(StoredKey::key);
    }

    @Override
    public Optional<StoredKey> findWithCredentials(AppKeyName appKey) {
        return memory.locked(() -> Optional.ofNullable(byName.get(appKey)).map(keys::get));
    }

    @Override
    public Optional<KeyCredentials> credentials(AppKeyId id) {
        return memory.locked(() -> Optional.ofNullable(keys.get(id)).map(StoredKey::credentials));
    }

    @Override
    public Page<StoredKey> list(AccountName account, PageRequest page, KeyQuery query) {
        return memory.locked(() -> Keyset.page(
                keys.values().stream()
                        .filter(stored -> stored.key().account().equals(account))
                        .filter(query::holds)
                        .toList(),
                page,
                stored -> stored.key().createdIn(),
                stored -> stored.key().id().value()));
    }

    @Override
    public long count(AccountName account) {
        return memory.locked(() -> keys.values().stream()
                .filter(k -> k.key().account().equals(account))
                .count());
    }

    @Override
    public boolean setActive(AppKeyId id, boolean active) {
        return memory.locked(() -> {
            StoredKey stored = keys.get(id);
            return stored != null
                    && stored.key().active() != active
                    && update(id, current -> new StoredKey(current.key().withActive(active), current.credentials()));
        });
    }

    @Override
    public boolean setExpiry(AppKeyId id, Optional<Instant> expiresIn) {
        return memory.locked(() -> {
            StoredKey stored = keys.get(id);
            return stored != null
                    && !stored.key().expiresIn().equals(expiresIn)
                    && update(
                            id,
                            current -> new StoredKey(current.key().withExpiresIn(expiresIn), current.credentials()));
        });
    }

    @Override
    public boolean setNetworks(AppKeyId id, AllowedNetworks networks) {
        return memory.locked(() -> {
            StoredKey stored = keys.get(id);
            return stored != null
                    && !stored.key().networks().equals(networks)
                    && update(
                            id, current -> new StoredKey(current.key().withNetworks(networks), current.credentials()));
        });
    }

    @Override
    public boolean setMetadata(AppKeyId id, Optional<KeyMetadata> metadata) {
        return memory.locked(() -> {
            StoredKey stored = keys.get(id);
            return stored != null
                    && !stored.key().metadata().equals(metadata)
                    && update(
                            id, current -> new StoredKey(current.key().withMetadata(metadata), current.credentials()));
        });
    }

    @Override
    public boolean delete(AppKeyId id) {
        return memory.locked(() -> {
            StoredKey removed = keys.remove(id);
            if (removed == null) {
                return false;
            }
            byName.remove(removed.key().appKey());
            Map<HourOfUse, Long> removedUses = new HashMap<>();
            uses.entrySet()
                    .removeIf(use ->
                            use.getKey().key().equals(id) && removedUses.put(use.getKey(), use.getValue()) == null);
            memory.onRollback(() -> {
                uses.putAll(removedUses);
                keys.put(id, removed);
                byName.put(removed.key().appKey(), id);
            });
            return true;
        });
    }

    @Override
    public void startRenewal(AppKeyId id, IssuedToken newToken, Optional<Instant> autoFinishIn) {
        memory.locked(() -> {
            StoredKey stored = keys.get(id);
            if (stored == null) {
                throw new NotFoundException("app key " + id + " not found");
            }
            if (stored.credentials().pending().isPresent()) {
                throw new ConflictException("a renewal is already pending for appKey "
                        + stored.key().appKey());
            }
            return update(
                    id,
                    s -> withCredentials(
                            s, new KeyCredentials(id, s.credentials().current(), Optional.of(newToken), autoFinishIn)));
        });
    }

    @Override
    public boolean finishRenewal(AppKeyId id) {
        return memory.locked(() -> pending(id)
                && update(
                        id,
                        s -> withCredentials(
                                s,
                                new KeyCredentials(id, s.credentials().pending().orElseThrow(), Optional.empty()))));
    }

    @Override
    public boolean cancelRenewal(AppKeyId id) {
        return memory.locked(() -> pending(id)
                && update(
                        id,
                        s -> withCredentials(
                                s, new KeyCredentials(id, s.credentials().current(), Optional.empty()))));
    }

    @Override
    public boolean replaceHash(AppKeyId id, TokenSlot slot, TokenHash expected, TokenHash replacement) {
        return memory.locked(() -> {
            StoredKey stored = keys.get(id);
            if (stored == null) {
                return false;
            }
            KeyCredentials credentials = stored.credentials();
            Optional<IssuedToken> token =
                    slot == TokenSlot.CURRENT ? Optional.of(credentials.current()) : credentials.pending();
            if (token.isEmpty() || !token.get().hash().equals(expected)) {
                return false;
            }
            IssuedToken upgraded = new IssuedToken(
                    replacement, token.get().createdIn(), token.get().lastUsedIn());
            KeyCredentials changed = slot == TokenSlot.CURRENT
                    ? new KeyCredentials(id, upgraded, credentials.pending(), credentials.autoFinishIn())
                    : new KeyCredentials(id, credentials.current(), Optional.of(upgraded), credentials.autoFinishIn());
            return update(id, s -> withCredentials(s, changed));
        });
    }

    @Override
    public void addUses(Map<HourOfUse, Long> added) {
        memory.locked(() -> {
            added.forEach((hour, count) -> {
                if (keys.containsKey(hour.key())) {
                    uses.merge(hour, count, Long::sum);
                }
            });
            return null;
        });
    }

    @Override
    public List<KeyUsage.Hour> uses(AppKeyId id, Instant from) {
        return memory.locked(() -> uses.entrySet().stream()
                .filter(use ->
                        use.getKey().key().equals(id) && !use.getKey().start().isBefore(from))
                .map(use -> new KeyUsage.Hour(use.getKey().start(), use.getValue()))
                .sorted(Comparator.comparing(KeyUsage.Hour::start))
                .toList());
    }

    @Override
    public int forgetUsesBefore(Instant before) {
        return memory.locked(() -> {
            int size = uses.size();
            uses.keySet().removeIf(hour -> hour.start().isBefore(before));
            return size - uses.size();
        });
    }

    @Override
    public void recordUse(Map<TokenUse, Instant> lastUsed) {
        memory.locked(() -> {
            lastUsed.forEach((use, at) -> update(
                    use.key(),
                    s -> new StoredKey(
                            later(s.key().lastUsedIn(), at) ? s.key().withLastUsedIn(Optional.of(at)) : s.key(),
                            usedToken(s.credentials(), use.tokenIssuedIn(), at))));
            return null;
        });
    }

    /** The credentials with the last use of the token issued at {@code issuedIn} moved forward to {@code at}. */
    private static KeyCredentials usedToken(KeyCredentials credentials, Instant issuedIn, Instant at) {
        return new KeyCredentials(
                credentials.keyId(),
                used(credentials.current(), issuedIn, at),
                credentials.pending().map(token -> used(token, issuedIn, at)),
                credentials.autoFinishIn());
    }

    private static IssuedToken used(IssuedToken token, Instant issuedIn, Instant at) {
        return token.createdIn().equals(issuedIn) && later(token.lastUsedIn(), at)
                ? new IssuedToken(token.hash(), token.createdIn(), Optional.of(at))
                : token;
    }

    private static boolean later(Optional<Instant> last, Instant at) {
        return last.filter(previous -> !previous.isBefore(at)).isEmpty();
    }

    private boolean pending(AppKeyId id) {
        StoredKey stored = keys.get(id);
        return stored != null && stored.credentials().pending().isPresent();
    }

    private boolean update(AppKeyId id, UnaryOperator<StoredKey> change) {
        return memory.locked(() -> {
            StoredKey before = keys.get(id);
            if (before == null) {
                return false;
            }
            keys.put(id, change.apply(before));
            memory.onRollback(() -> keys.put(id, before));
            return true;
        });
    }

    private static StoredKey withCredentials(StoredKey stored, KeyCredentials credentials) {
        return new StoredKey(stored.key(), credentials);
    }
}
