package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Overloaded;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.KeyCredentials.ValidToken;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.domain.TokenClaims;
import io.appkeys.core.port.out.AppKeyStore.StoredKey;
import io.appkeys.core.port.out.Storage;
import io.appkeys.core.port.out.TokenSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The check of a signed token that the cache cannot answer: its signature and expiry, then one store read. The
 * token stands for its key only as the key is now: the key must still exist and be active, the appToken it was
 * exchanged for must still be valid (a finished renewal ends the old one's signed tokens, a cancelled one the
 * new one's), and the rights are the key's current roles, not a copy taken at login.
 */
final class TokenCheck {

    private final Storage storage;
    private final TokenSigner signer;
    private static final Duration OVERLOADED_RETRY = Duration.ofSeconds(1);

    private final CredentialCache cache;
    private final HashingGate gate;
    private final Duration renewalPeriod;
    private final UsageRecorder usage;

    TokenCheck(
            Storage storage,
            TokenSigner signer,
            CredentialCache cache,
            HashingGate gate,
            Duration renewalPeriod,
            UsageRecorder usage) {
        this.storage = storage;
        this.usage = usage;
        this.signer = signer;
        this.cache = cache;
        this.gate = gate;
        this.renewalPeriod = renewalPeriod;
    }

    /**
     * What the signature and the store say of the token at {@code nowMillis}: authenticated, rejected (to be held
     * by the caller), or overloaded when no turn at the slow work came in time: a signature costs about a
     * millisecond, and anyone can send tokens with a published key id, so signatures wait their turn as hashes do.
     */
    AuthenticationResult check(PresentedToken presented, long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        if (!gate.enter()) {
            return new Overloaded(OVERLOADED_RETRY);
        }
        Optional<TokenClaims> verified;
        try {
            verified = signer.verify(presented.token(), now);
        } finally {
            gate.exit();
        }
        if (verified.isEmpty()) {
            return rejected(RejectionReason.WRONG_TOKEN); // forged, altered, expired, or of a removed signing key
        }
        TokenClaims claims = verified.get();
        long stamp = cache.stamp();
        Optional<StoredKey> stored = storage.keys().findWithCredentials(claims.appKey());
        if (stored.isEmpty() || !stored.get().key().id().equals(claims.keyId())) {
            return rejected(RejectionReason.UNKNOWN_KEY);
        }
        AppKey key = stored.get().key();
        Optional<RejectionReason> refusal = KeyStanding.refusal(key, now, presented.from());
        if (refusal.isPresent()) {
            return rejected(refusal.get());
        }
        Optional<ValidToken> pair = stored.get().credentials().validAt(now, renewalPeriod).stream()
                .filter(valid -> valid.token().createdIn().equals(claims.pairIssuedIn()))
                .findFirst();
        if (pair.isEmpty()) {
            return rejected(RejectionReason.WRONG_TOKEN); // its appToken was renewed away, or its renewal cancelled
        }
        KeyPrincipal principal = KeyStanding.principal(storage, key);
        long expiresAt =
                KeyStanding.earliest(Optional.of(claims.expiresAt()), pair.get().expiresIn(), key.expiresIn());
        cache.putSigned(
                stamp, presented.digest(), principal, key.networks(), claims.pairIssuedIn(), nowMillis, expiresAt);
        usage.used(key.id(), claims.pairIssuedIn(), nowMillis);
        return new Authenticated(principal);
    }

    private static AuthenticationResult rejected(RejectionReason reason) {
        return new Rejected(reason, Duration.ZERO);
    }
}
