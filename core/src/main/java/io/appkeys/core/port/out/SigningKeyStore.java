package io.appkeys.core.port.out;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The keys that sign tokens, kept in the store so that every process sharing it signs and checks alike. A
 * private key is kept only sealed: encrypted under a key that does not live in the store, so that a copy of the
 * store alone cannot sign a token.
 */
public interface SigningKeyStore {

    /** Every kept key, newest first. */
    List<StoredSigningKey> all();

    /**
     * Keeps a new key.
     *
     * @throws io.appkeys.core.domain.ConflictException when a key with its id is kept already
     */
    void add(StoredSigningKey key);

    /** Forgets a key no token signed by it can still need; says whether it was kept. */
    boolean remove(String keyId);

    /**
     * One signing key as kept: its id (the JWS {@code kid}), when it was made, its public half as a JWK, and its
     * private half sealed. Nothing here is a secret without the sealing key, yet the sealed bytes are not printed.
     */
    record StoredSigningKey(String keyId, Instant createdIn, String publicJwk, byte[] sealedPrivateKey) {

        public StoredSigningKey {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(createdIn, "createdIn");
            Objects.requireNonNull(publicJwk, "publicJwk");
            sealedPrivateKey = sealedPrivateKey.clone();
        }

        @Override
        public byte[] sealedPrivateKey() {
            return sealedPrivateKey.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredSigningKey key
                    && keyId.equals(key.keyId)
                    && createdIn.equals(key.createdIn)
                    && publicJwk.equals(key.publicJwk)
                    && Arrays.equals(sealedPrivateKey, key.sealedPrivateKey);
        }

        @Override
        public int hashCode() {
            return keyId.hashCode();
        }

        @Override
        public String toString() {
            return "StoredSigningKey[keyId=" + keyId + ", createdIn=" + createdIn + ", sealed private key]";
        }
    }
}
