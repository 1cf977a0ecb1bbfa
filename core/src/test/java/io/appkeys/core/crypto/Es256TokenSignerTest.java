package io.appkeys.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.domain.TokenClaims;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.memory.InMemoryStorage;
import io.appkeys.core.port.out.SigningKeyStore.StoredSigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing and checking tokens with ES256, keys kept sealed in a store and rotated. */
class Es256TokenSignerTest {

    private static final String ISSUER = "appkeys-test";
    private static final Duration ROTATION = Duration.ofHours(1);
    private static final Duration LIFETIME = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock();
    private final InMemoryStorage store = new InMemoryStorage();
    private final SealingKey sealing = SealingKey.generate();
    private final Es256TokenSigner signer = signer(sealing);

    @Test
    void aSignedToken_saysWhatWasSigned() {
        TokenClaims claims = claims();

        SignedToken token = signer.sign(claims);

        assertEquals(Optional.of(claims), signer.verify(token, clock.instant()));
        assertEquals("SignedToken[redacted]", token.toString());
        assertEquals("ES256", header(token).getAlgorithm().getName());
        assertEquals(store.signingKeys().all().get(0).keyId(), header(token).getKeyID());
    }

    @Test
    void anExpiredToken_isRefused() {
        TokenClaims claims = claims();
        SignedToken token = signer.sign(claims);

        assertTrue(signer.verify(token, claims.expiresAt().minusSeconds(1)).isPresent());
        assertEquals(Optional.empty(), signer.verify(token, claims.expiresAt()));
    }

    @Test
    void aTokenChangedInAnyPart_isRefused() {
        String[] parts = signer.sign(claims()).reveal().split("\\.");
        String otherPayload = base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("vtexappkey-acme-ABCDEF", "vtexappkey-acme-ABCDEG"));
        char last = parts[2].charAt(parts[2].length() - 2);
        String otherSignature = parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);

        assertRefused(parts[0] + "." + otherPayload + "." + parts[2]);
        assertRefused(parts[0] + "." + parts[1] + "." + otherSignature);
        assertRefused(parts[0] + "." + parts[1] + ".");
    }

    @Test
    void alg_none_andAnHmacKeyedWithThePublicKey_areRefused() throws Exception {
        String[] parts = signer.sign(claims()).reveal().split("\\.");
        assertRefused(base64("{\"alg\":\"none\"}") + "." + parts[1] + ".");
        assertRefused(base64("{\"alg\":\"none\",\"kid\":\""
                        + header(signer.sign(claims())).getKeyID() + "\"}") + "." + parts[1] + ".");

        // algorithm confusion: the public JWK, known to anyone, used as an HMAC secret
        String publicJwk = store.signingKeys().all().get(0).publicJwk();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(store.signingKeys().all().get(0).keyId())
                        .build(),
                JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
        forged.sign(new MACSigner(publicJwk.repeat(2).getBytes(StandardCharsets.UTF_8)));
        assertRefused(forged.serialize());
    }

    @Test
    void aTokenSignedByAKeyThisStoreDoesNotKeep_isRefused() {
        Es256TokenSigner elsewhere = new Es256TokenSigner(
                new InMemoryStorage().signingKeys(), SealingKey::generate, clock, ISSUER, ROTATION, LIFETIME);
        signer.sign(claims()); // this store has a key too

        assertRefused(elsewhere.sign(claims()).reveal());
    }

    @Test
    void aTokenOfAnotherIssuer_isRefused() {
        Es256TokenSigner other =
                new Es256TokenSigner(store.signingKeys(), () -> sealing, clock, "someone-else", ROTATION, LIFETIME);

        assertRefused(other.sign(claims()).reveal());
    }

    @Test
    void afterTheRotationPeriod_aNewKeySigns_andTheOldOneChecksItsTokensUntilTheyHaveExpired() {
        SignedToken first = signer.sign(claims());
        String firstKey = header(first).getKeyID();

        clock.advance(ROTATION.plusMinutes(1));
        SignedToken second = signer.sign(claims());

        assertNotEquals(firstKey, header(second).getKeyID());
        assertTrue(signer.verify(first, clock.instant()).isPresent(), "the old key still checks what it signed");
        assertTrue(signer.publicKeys().contains(firstKey));

        clock.advance(LIFETIME.plusMinutes(10)); // every token of the first key has expired
        SignedToken third = signer.sign(claims());

        assertFalse(signer.publicKeys().contains(firstKey), "the first key is removed");
        assertTrue(signer.publicKeys().contains(header(third).getKeyID()));
        assertEquals(2, store.signingKeys().all().size(), "the second key checks its tokens still");
    }

    @Test
    void processesSharingAStore_checkEachOthersTokens_acrossARotation() {
        Es256TokenSigner other = signer(sealing);
        SignedToken token = signer.sign(claims());
        assertTrue(other.verify(token, clock.instant()).isPresent());

        clock.advance(ROTATION.plusMinutes(1));
        SignedToken rotated = signer.sign(claims());
        clock.advance(Duration.ofSeconds(2)); // it reads the store again for an unknown key at most once a second

        assertTrue(other.verify(rotated, clock.instant()).isPresent(), "a key made by the other process");
        assertEquals(header(rotated).getKeyID(), header(other.sign(claims())).getKeyID(), "and signs with it");
    }

    @Test
    void theStoreAlone_cannotSign_norRevealAPrivateKey() {
        signer.sign(claims());
        StoredSigningKey kept = store.signingKeys().all().get(0);

        assertFalse(kept.publicJwk().contains("\"d\""), "no private part in the public key");
        assertFalse(signer.publicKeys().contains("\"d\""));
        assertThrows(
                IllegalStateException.class, () -> signer(SealingKey.generate()).sign(claims()));
    }

    @Test
    void checkingATokenNeedsNoSealingKey() {
        SignedToken token = signer.sign(claims());

        assertTrue(
                signer(SealingKey.generate()).verify(token, clock.instant()).isPresent(), "checking needs no secret");
    }

    private Es256TokenSigner signer(SealingKey key) {
        return new Es256TokenSigner(store.signingKeys(), () -> key, clock, ISSUER, ROTATION, LIFETIME);
    }

    private TokenClaims claims() {
        Instant now = clock.instant();
        return new TokenClaims(
                UUID.randomUUID(),
                AppKeyId.random(),
                new AppKeyName("vtexappkey-acme-ABCDEF"),
                now.minus(Duration.ofDays(3)).plusNanos(123_456_000),
                now,
                now.plus(LIFETIME));
    }

    private void assertRefused(String token) {
        Optional<SignedToken> read = SignedToken.read(token);
        assertTrue(read.isEmpty() || signer.verify(read.get(), clock.instant()).isEmpty(), token);
    }

    private static JWSHeader header(SignedToken token) {
        try {
            return SignedJWT.parse(token.reveal()).getHeader();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
