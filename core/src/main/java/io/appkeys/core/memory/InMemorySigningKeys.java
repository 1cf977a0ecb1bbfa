package io.appkeys.core.memory;

import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.port.out.SigningKeyStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Signing keys, in memory. */
final class InMemorySigningKeys implements SigningKeyStore {

    private final MemoryTransactions memory;
    private final Map<String, StoredSigningKey> keys = new HashMap<>();

    InMemorySigningKeys(MemoryTransactions memory) {
        this.memory = memory;
    }

    @Override
    public List<StoredSigningKey> all() {
        return memory.locked(() -> keys.values().stream()
                .sorted(Comparator.comparing(StoredSigningKey::createdIn)
                        .thenComparing(StoredSigningKey::keyId)
                        .reversed())
                .toList());
    }

    @Override
    public void add(StoredSigningKey key) {
        memory.locked(() -> {
            if (keys.putIfAbsent(key.keyId(), key) != null) {
                throw new ConflictException("signing key " + key.keyId() + " is kept already");
            }
            memory.onRollback(() -> keys.remove(key.keyId()));
            return null;
        });
    }

    @Override
    public boolean remove(String keyId) {
        return memory.locked(() -> {
            StoredSigningKey removed = keys.remove(keyId);
            if (removed != null) {
                memory.onRollback(() -> keys.put(keyId, removed));
            }
            return removed != null;
        });
    }
}
