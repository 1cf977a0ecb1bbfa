package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Overloaded;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.KeyCredentials.ValidToken;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.port.out.AppKeyStore.StoredKey;
import io.appkeys.core.port.out.SecretHasher;
import io.appkeys.core.port.out.SecretHasher.Verification;
import io.appkeys.core.port.out.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check of a pair that the cache cannot answer: one store read, then either the hash the pair was last
 * verified against (no hashing) or the slow hash within the bound on concurrent hashing. A verified pair is
 * put in the cache; a hash made with old parameters is replaced on the way.
 */
final class FullCheck {

    private static final Logger LOG = LoggerFactory.getLogger(FullCheck.class);
    private static final Duration OVERLOADED_RETRY = Duration.ofSeconds(1);

    private final Storage storage;
    private final SecretHasher hasher;
    private final CredentialCache cache;
    private final HashingGate gate;
    private final Duration renewalPeriod;

    FullCheck(Storage storage, SecretHasher hasher, CredentialCache cache, HashingGate gate, Duration renewalPeriod) {
        this.storage = storage;
        this.hasher = hasher;
        this.cache = cache;
        this.gate = gate;
        this.renewalPeriod = renewalPeriod;
    }

    /**
     * What the store says of the pair at {@code nowMillis}: authenticated (with the issue instant of the token that
     * matched), rejected (to be held by the caller), or overloaded when no turn at hashing came in time. The use
     * is not noted here: every caller sharing the check notes its own.
     */
    Checked check(PresentedPair pair, long nowMillis) {
        long stamp = cache.stamp();
        Optional<StoredKey> stored = storage.keys().findWithCredentials(pair.appKey());
        if (stored.isEmpty()) {
            return rejected(RejectionReason.UNKNOWN_KEY);
        }
        AppKey key = stored.get().key();
        Instant now = Instant.ofEpochMilli(nowMillis);
        Optional<RejectionReason> refusal = KeyStanding.refusal(key, now, pair.from());
        if (refusal.isPresent()) {
            return rejected(refusal.get());
        }
        List<ValidToken> valid = stored.get().credentials().validAt(now, renewalPeriod);
        Optional<Match> match = confirmRemembered(pair, valid);
        if (match.isEmpty()) {
            if (!gate.enter()) {
                return new Checked(new Overloaded(OVERLOADED_RETRY), null);
            }
            try {
                match = verify(key, pair.token(), valid);
            } finally {
                gate.exit();
            }
        }
        if (match.isEmpty()) {
            return rejected(RejectionReason.WRONG_TOKEN);
        }
        KeyPrincipal principal = KeyStanding.principal(storage, key);
        ValidToken matched = match.get().token();
        long expiresAt = KeyStanding.earliest(matched.expiresIn(), key.expiresIn());
        Instant issuedIn = matched.token().createdIn();
        cache.put(
                stamp,
                pair,
                principal,
                key.networks(),
                matched.slot(),
                match.get().hash(),
                issuedIn,
                nowMillis,
                expiresAt);
        return new Checked(new Authenticated(principal), issuedIn);
    }

    private static Checked rejected(RejectionReason reason) {
        return new Checked(new Rejected(reason, Duration.ZERO), null);
    }

    /** A check's result and, when authenticated, the issue instant of the token that matched; else null. */
    record Checked(AuthenticationResult result, Instant tokenIssuedIn) {}

    /** The valid token that still holds the very hash this pair was verified against before, if any. */
    private Optional<Match> confirmRemembered(PresentedPair pair, List<ValidToken> valid) {
        return cache.remembered(pair)
                .flatMap(remembered -> valid.stream()
                        .filter(candidate -> candidate.slot() == remembered.slot()
                                && candidate.token().hash().equals(remembered.hash()))
                        .findFirst()
                        .map(candidate -> new Match(candidate, candidate.token().hash())));
    }

    /** The first valid token that matches, upgrading its hash when it was made with old parameters. */
    private Optional<Match> verify(AppKey key, AppToken token, List<ValidToken> valid) {
        for (ValidToken candidate : valid) {
            Verification verification = hasher.verify(token, candidate.token().hash());
            if (verification == Verification.MATCH_NEEDS_REHASH) {
                return Optional.of(new Match(candidate, upgrade(key, token, candidate)));
            }
            if (verification.matches()) {
                return Optional.of(new Match(candidate, candidate.token().hash()));
            }
        }
        return Optional.empty();
    }

    /** Replaces an old-parameter hash; returns the hash the store now holds for the token. */
    private TokenHash upgrade(AppKey key, AppToken token, ValidToken valid) {
        TokenHash replacement = hasher.hash(token);
        try {
            if (storage.keys().replaceHash(key.id(), valid.slot(), valid.token().hash(), replacement)) {
                return replacement;
            }
        } catch (AppKeysException e) {
            LOG.warn("could not upgrade the token hash of appKey {}: {}", key.appKey(), e.getMessage());
        }
        return valid.token().hash();
    }

    /** A valid token the presented one matched, and the hash that matched (after any upgrade). */
    private record Match(ValidToken token, TokenHash hash) {}
}
