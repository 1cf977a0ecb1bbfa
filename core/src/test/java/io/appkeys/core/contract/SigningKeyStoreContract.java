package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.port.out.SigningKeyStore.StoredSigningKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link io.appkeys.core.port.out.SigningKeyStore}. The keys are shared by the whole store, so
 * each test looks only at keys with ids of its own.
 */
public abstract class SigningKeyStoreContract extends StorageContractSupport {

    @Test
    void keysComeBackAsKept_newestFirst() {
        StoredSigningKey older = key(0);
        StoredSigningKey newer = key(1);
        storage.signingKeys().add(older);
        storage.signingKeys().add(newer);

        List<StoredSigningKey> mine = storage.signingKeys().all().stream()
                .filter(key -> key.keyId().equals(older.keyId()) || key.keyId().equals(newer.keyId()))
                .toList();

        assertEquals(List.of(newer, older), mine);
        assertArrayEquals(newer.sealedPrivateKey(), mine.get(0).sealedPrivateKey());
    }

    @Test
    void aKeyIdKeptAlready_isAConflict() {
        StoredSigningKey key = key(0);
        storage.signingKeys().add(key);

        assertThrows(ConflictException.class, () -> storage.signingKeys().add(key(0, key.keyId())));
    }

    @Test
    void aRemovedKey_isGone_andRemovingItAgainSaysSo() {
        StoredSigningKey key = key(0);
        storage.signingKeys().add(key);

        assertTrue(storage.signingKeys().remove(key.keyId()));
        assertFalse(storage.signingKeys().remove(key.keyId()));
        assertTrue(storage.signingKeys().all().stream()
                .noneMatch(kept -> kept.keyId().equals(key.keyId())));
    }

    @Test
    void anAddRolledBack_leavesNoKey() {
        StoredSigningKey key = key(0);

        assertThrows(
                IllegalStateException.class,
                () -> storage.transactions().run(() -> {
                    storage.signingKeys().add(key);
                    throw new IllegalStateException("rolled back");
                }));

        assertTrue(storage.signingKeys().all().stream()
                .noneMatch(kept -> kept.keyId().equals(key.keyId())));
    }

    private static StoredSigningKey key(int minutes) {
        return key(minutes, "kid-" + UUID.randomUUID());
    }

    private static StoredSigningKey key(int minutes, String keyId) {
        byte[] sealed = new byte[200];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = (byte) (i * 7 + minutes);
        }
        String jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + keyId + "\",\"x\":\"" + "x".repeat(43)
                + "\",\"y\":\"" + "y".repeat(43) + "\"}";
        return new StoredSigningKey(keyId, T0.plus(Duration.ofMinutes(minutes)), jwk, sealed);
    }
}
