package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.port.out.SigningKeyStore;
import java.util.Base64;
import java.util.List;

/** The keys that sign tokens; each private half is kept sealed, in base64, as core sealed it. */
final class JdbiSigningKeys implements SigningKeyStore {

    private final Db db;

    JdbiSigningKeys(Db db) {
        this.db = db;
    }

    @Override
    public List<StoredSigningKey> all() {
        return db.with(h -> h.createQuery("SELECT key_id, created_in, public_jwk, sealed_private_key FROM signing_keys"
                        + " ORDER BY created_in DESC, key_id DESC")
                .map((rs, ctx) -> new StoredSigningKey(
                        rs.getString("key_id"),
                        Rows.instant(rs, "created_in"),
                        rs.getString("public_jwk"),
                        Base64.getDecoder().decode(rs.getString("sealed_private_key"))))
                .list());
    }

    @Override
    public void add(StoredSigningKey key) {
        try {
            db.use(h -> h.createUpdate("INSERT INTO signing_keys (key_id, created_in, public_jwk, sealed_private_key)"
                            + " VALUES (:keyId, :createdIn, :publicJwk, :sealed)")
                    .bind("keyId", key.keyId())
                    .bind("createdIn", Rows.time(key.createdIn()))
                    .bind("publicJwk", key.publicJwk())
                    .bind("sealed", Base64.getEncoder().encodeToString(key.sealedPrivateKey()))
                    .execute());
        } catch (Db.Violation e) {
            throw new ConflictException("signing key " + key.keyId() + " is kept already");
        }
    }

    @Override
    public boolean remove(String keyId) {
        return db.with(h -> h.createUpdate("DELETE FROM signing_keys WHERE key_id = :keyId")
                        .bind("keyId", keyId)
                        .execute())
                > 0;
    }
}
