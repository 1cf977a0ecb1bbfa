package io.appkeys.core.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.domain.TokenClaims;
import io.appkeys.core.port.out.SigningKeyStore;
import io.appkeys.core.port.out.SigningKeyStore.StoredSigningKey;
import io.appkeys.core.port.out.TokenSigner;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs tokens with ES256 (ECDSA on P-256 with SHA-256) and checks them, with nimbus-jose-jwt.
 *
 * <p>The signing keys live in the store, their private halves sealed under a {@link SealingKey} kept elsewhere,
 * so that every process sharing the store signs and checks alike, and a copy of the store alone signs nothing.
 * The newest key signs. Once it is older than the rotation period, the next token is signed by a new key; the
 * old one keeps checking what it signed until the last of those tokens has expired, and is then removed.
 *
 * <p>A token is accepted only when its header names ES256 and a kept key, its signature holds under that key, it
 * names this issuer, and it has not expired. A token naming a key this process does not know makes it read the
 * store again (another process may have rotated), at most once a second.
 */
public final class Es256TokenSigner implements TokenSigner {

    private static final Logger LOG = LoggerFactory.getLogger(Es256TokenSigner.class);
    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);
    /** Tolerated difference between the clocks of the processes sharing the store, when removing old keys. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String ACCOUNT = "account";
    private static final String KEY_ID = "keyId";
    private static final String PAIR_ISSUED_IN = "pairIssuedIn";

    private final SigningKeyStore store;
    private final Supplier<SealingKey> sealing;
    private volatile SealingKey opened;
    private final Clock clock;
    private final String issuer;
    private final Duration rotation;
    private final Duration tokenLifetime;
    private final Object rotating = new Object();

    private volatile Map<String, Loaded> keys = Map.of(); // newest first
    private volatile Signing signing; // the newest key's private half, opened
    private volatile long reloadedAt;

    /**
     * @param sealing       the key that seals the private halves, asked for when a token is first signed (a
     *                      process that only checks tokens never needs it)
     * @param issuer        the {@code iss} of every token, checked on every token presented
     * @param rotation      how long a key signs before a new one is made
     * @param tokenLifetime the longest a token lives: how long a key outlives its successor
     */
    public Es256TokenSigner(
            SigningKeyStore store,
            Supplier<SealingKey> sealing,
            Clock clock,
            String issuer,
            Duration rotation,
            Duration tokenLifetime) {
        this.store = Objects.requireNonNull(store, "store");
        this.sealing = Objects.requireNonNull(sealing, "sealing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        this.reloadedAt = Long.MIN_VALUE;
    }

    @Override
    public SignedToken sign(TokenClaims claims) {
        Signing key = signingKey(clock.instant());
        JWTClaimsSet set = new JWTClaimsSet.Builder()
                .jwtID(claims.tokenId().toString())
                .subject(claims.appKey().value())
                .claim(ACCOUNT, claims.account().value())
                .claim(KEY_ID, claims.keyId().toString())
                .claim(PAIR_ISSUED_IN, claims.pairIssuedIn().toString())
                .issuer(issuer)
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.id())
                        .type(JOSEObjectType.JWT)
                        .build(),
                set);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token: " + e.getMessage(), e);
        }
        return SignedToken.read(jwt.serialize()).orElseThrow();
    }

    @Override
    public Optional<TokenClaims> verify(SignedToken token, Instant now) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.reveal());
        } catch (ParseException e) {
            return Optional.empty();
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
            return Optional.empty();
        }
        Loaded key = keys.get(header.getKeyID());
        if (key == null && reloadAllowed()) {
            load();
            key = keys.get(header.getKeyID());
        }
        try {
            if (key == null || !jwt.verify(key.verifier())) {
                return Optional.empty();
            }
            return claims(jwt.getJWTClaimsSet(), now);
        } catch (JOSEException | ParseException | RuntimeException e) {
            return Optional.empty(); // a signed token that says something other than ours: refused all the same
        }
    }

    @Override
    public String publicKeys() {
        load(); // read afresh: another process may have made a key since
        List<JWK> published = new ArrayList<>();
        for (Loaded key : keys.values()) {
            published.add(key.publicKey());
        }
        return new JWKSet(published).toString(true);
    }

    private Optional<TokenClaims> claims(JWTClaimsSet set, Instant now) throws ParseException {
        Date issued = set.getIssueTime();
        Date expires = set.getExpirationTime();
        String subject = set.getSubject();
        String account = set.getStringClaim(ACCOUNT);
        String keyId = set.getStringClaim(KEY_ID);
        String pairIssuedIn = set.getStringClaim(PAIR_ISSUED_IN);
        if (!issuer.equals(set.getIssuer())
                || set.getJWTID() == null
                || issued == null
                || expires == null
                || keyId == null
                || pairIssuedIn == null) {
            return Optional.empty();
        }
        Optional<AppKeyName> appKey = AppKeyName.read(subject);
        if (appKey.isEmpty() || !appKey.get().account().value().equals(account)) {
            return Optional.empty();
        }
        TokenClaims claims = new TokenClaims(
                UUID.fromString(set.getJWTID()),
                AppKeyId.parse(keyId),
                appKey.get(),
                Instant.parse(pairIssuedIn),
                issued.toInstant(),
                expires.toInstant());
        return claims.expiredAt(now) ? Optional.empty() : Optional.of(claims);
    }

    /** The key to sign with at {@code now}: the newest, unless it is due for rotation. */
    private Signing signingKey(Instant now) {
        Signing current = signing;
        Loaded newest = newest();
        if (current != null && newest != null && current.id().equals(newest.id()) && dueAt(newest, now)) {
            return current;
        }
        synchronized (rotating) {
            load(); // another process may have rotated already
            newest = newest();
            if (newest == null || !dueAt(newest, now)) {
                newest = rotate(now);
                removeOldKeys(now);
            }
            if (signing == null || !signing.id().equals(newest.id())) {
                signing = Signing.open(newest.id(), store.all(), sealingKey());
            }
            return signing;
        }
    }

    private boolean dueAt(Loaded key, Instant now) {
        return now.isBefore(key.createdIn().plus(rotation));
    }

    private Loaded newest() {
        Map<String, Loaded> current = keys;
        return current.isEmpty() ? null : current.values().iterator().next();
    }

    private Loaded rotate(Instant now) {
        ECKey generated;
        try {
            generated = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make a signing key: " + e.getMessage(), e);
        }
        byte[] privateKey;
        try {
            privateKey = generated.toECPrivateKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not read the new signing key: " + e.getMessage(), e);
        }
        String id = generated.getKeyID();
        try {
            store.add(new StoredSigningKey(
                    id,
                    now,
                    generated.toPublicJWK().toJSONString(),
                    sealingKey().seal(privateKey, id)));
        } catch (ConflictException e) {
            // the same key id twice would take the same random key twice; the store is read again below
        }
        LOG.info("made signing key {}; the previous ones check the tokens they signed until those expire", id);
        load();
        Loaded made = keys.get(id);
        if (made == null) {
            throw new IllegalStateException("the new signing key " + id + " was not kept by the store");
        }
        return made;
    }

    /** Removes the keys whose every token has expired: each outlives its successor by the token lifetime. */
    private void removeOldKeys(Instant now) {
        Instant successorCreated = null;
        for (Loaded key : keys.values()) {
            if (successorCreated != null
                    && now.isAfter(successorCreated.plus(tokenLifetime).plus(CLOCK_SKEW))
                    && store.remove(key.id())) {
                LOG.info("removed signing key {}: every token it signed has expired", key.id());
            }
            successorCreated = key.createdIn();
        }
        load();
    }

    private SealingKey sealingKey() {
        if (opened == null) {
            opened = Objects.requireNonNull(sealing.get(), "sealing key");
        }
        return opened;
    }

    private boolean reloadAllowed() {
        long last = reloadedAt;
        return last == Long.MIN_VALUE || clock.millis() - last >= RELOAD_AT_MOST_EVERY.toMillis();
    }

    /** Reads the kept keys' public halves; those read before are kept as they were. */
    private void load() {
        reloadedAt = clock.millis();
        Map<String, Loaded> loaded = new LinkedHashMap<>();
        Map<String, Loaded> before = keys;
        for (StoredSigningKey stored : store.all()) {
            Loaded known = before.get(stored.keyId());
            loaded.put(stored.keyId(), known != null ? known : Loaded.of(stored));
        }
        keys = Collections.unmodifiableMap(loaded);
    }

    /** A kept key's public half, ready to check tokens. */
    private record Loaded(String id, Instant createdIn, ECKey publicKey, ECDSAVerifier verifier) {

        static Loaded of(StoredSigningKey stored) {
            try {
                ECKey publicKey = ECKey.parse(stored.publicJwk());
                if (publicKey.isPrivate() || !stored.keyId().equals(publicKey.getKeyID())) {
                    throw new IllegalStateException("signing key " + stored.keyId() + " is not kept as it should be");
                }
                return new Loaded(stored.keyId(), stored.createdIn(), publicKey, new ECDSAVerifier(publicKey));
            } catch (ParseException | JOSEException e) {
                throw new IllegalStateException(
                        "signing key " + stored.keyId() + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** The newest key's private half, opened with the sealing key, ready to sign. */
    private record Signing(String id, ECDSASigner signer) {

        static Signing open(String id, List<StoredSigningKey> kept, SealingKey sealing) {
            StoredSigningKey stored = kept.stream()
                    .filter(key -> key.keyId().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("signing key " + id + " is no longer kept"));
            try {
                byte[] encoded = sealing.open(stored.sealedPrivateKey(), id);
                ECPrivateKey privateKey =
                        (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(encoded));
                return new Signing(id, new ECDSASigner(privateKey));
            } catch (GeneralSecurityException | JOSEException e) {
                throw new IllegalStateException("signing key " + id + " cannot be opened: " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("signing key " + id + " cannot be opened with this sealing key: every"
                        + " process sharing the store must be given the same one (" + e.getMessage() + ")");
            }
        }
    }
}
