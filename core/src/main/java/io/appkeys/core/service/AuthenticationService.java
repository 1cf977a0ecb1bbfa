package io.appkeys.core.service;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Overloaded;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.AuthenticationResult.Throttled;
import io.appkeys.core.domain.Decision;
import io.appkeys.core.domain.KeyCredentials.ValidToken;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.appkeys.core.port.out.AppKeyStore.StoredKey;
import io.appkeys.core.port.out.SecretHasher;
import io.appkeys.core.port.out.SecretHasher.Verification;
import io.appkeys.core.port.out.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks key pairs, cheapest step first: the shape and checksum of both values, then the credential cache,
 * then the throttle (per appKey and source), then one store read and either the hash the pair matched before
 * (no hashing) or, within the bound on concurrent hashing, the slow hash check. Concurrent checks of one pair
 * share one result. Every failure gives the same {@link Rejected} result to the caller, to be answered the
 * same time after its check began: an unknown key costs no hashing, so its refusal is held instead.
 */
public final class AuthenticationService implements AuthenticateUseCase, AuthorizeUseCase, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationService.class);
    private static final Duration OVERLOADED_RETRY = Duration.ofSeconds(1);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(10);

    private final Storage storage;
    private final SecretHasher hasher;
    private final CredentialCache cache;
    private final Clock clock;
    private final AppKeysSettings settings;
    private final FailureThrottle throttle;
    private final HashingGate gate;
    private final FailureMonitor monitor;
    private final UsageRecorder usage;
    private final SingleFlight<AuthenticationResult> flights = new SingleFlight<>();

    public AuthenticationService(
            Storage storage, SecretHasher hasher, CredentialCache cache, Clock clock, AppKeysSettings settings) {
        this.storage = storage;
        this.hasher = hasher;
        this.cache = cache;
        this.clock = clock;
        this.settings = settings;
        this.throttle = new FailureThrottle(
                settings.throttleMaxFailures(), settings.throttleWindow(), settings.cacheMaxEntries());
        this.gate = new HashingGate(settings.hashingConcurrency(), settings.hashingMaxWait());
        this.monitor = new FailureMonitor(clock, FAILURE_LOG_INTERVAL);
        this.usage = new UsageRecorder(storage.keys(), settings.usageInterval(), settings.cacheMaxEntries());
    }

    @Override
    public AuthenticationResult authenticate(String appKey, String appToken, String source) {
        long started = clock.millis();
        AuthenticationResult result = authenticateWithoutBlocking(appKey, appToken, source)
                .orElseGet(() -> flights.run(
                        cache.pairName(appKey, appToken),
                        () -> check(appKey, AppToken.parse(appToken), source, started)));
        return result instanceof Rejected rejected ? new Rejected(rejected.reason(), holdFor(started)) : result;
    }

    @Override
    public Optional<AuthenticationResult> authenticateWithoutBlocking(String appKey, String appToken, String source) {
        if (!AppKeyName.isWellFormed(appKey) || !AppToken.isWellFormed(appToken)) {
            return Optional.of(reject(RejectionReason.MALFORMED));
        }
        long now = clock.millis();
        KeyPrincipal cached = cache.lookup(appKey, appToken, now);
        if (cached != null) {
            usage.used(cached.id(), now);
            return Optional.of(new Authenticated(cached));
        }
        if (cache.remembered(appKey, appToken).isEmpty()) {
            Optional<Duration> wait = throttle.retryAfter(appKey, source, now);
            if (wait.isPresent()) {
                monitor.throttled();
                return Optional.of(new Throttled(wait.get()));
            }
        }
        return Optional.empty();
    }

    @Override
    public Decision authorize(Principal principal, ResourceName resource) {
        return principal.holds(resource) ? Decision.ALLOWED : Decision.DENIED;
    }

    /** Rejections by cause since start, for metrics; no appKey or token is kept. */
    public Map<RejectionReason, Long> rejections() {
        return monitor.totals();
    }

    /** Writes the noted last uses of keys; runs on a timer, and on close. */
    public int flushUsage() {
        return usage.flush();
    }

    @Override
    public void close() {
        flushUsage();
    }

    /**
     * The full check: one store read, then either the hash the pair was last verified against (no hashing)
     * or the slow hash within the bound on concurrent hashing.
     */
    private AuthenticationResult check(String appKey, AppToken token, String source, long nowMillis) {
        long stamp = cache.stamp();
        Optional<StoredKey> stored = storage.keys().findWithCredentials(new AppKeyName(appKey));
        if (stored.isEmpty()) {
            return fail(appKey, source, RejectionReason.UNKNOWN_KEY, nowMillis);
        }
        AppKey key = stored.get().key();
        if (!key.active()) {
            return fail(appKey, source, RejectionReason.INACTIVE_KEY, nowMillis);
        }
        List<ValidToken> valid =
                stored.get().credentials().validAt(Instant.ofEpochMilli(nowMillis), settings.renewalPeriod());
        Optional<Match> match = confirmRemembered(appKey, token, valid);
        if (match.isEmpty()) {
            if (!gate.enter()) {
                monitor.overloaded();
                return new Overloaded(OVERLOADED_RETRY);
            }
            try {
                match = verify(key, token, valid);
            } finally {
                gate.exit();
            }
        }
        if (match.isEmpty()) {
            return fail(appKey, source, RejectionReason.WRONG_TOKEN, nowMillis);
        }
        KeyPrincipal principal = new KeyPrincipal(
                key.id(), key.account(), key.appKey(), storage.roles().resourcesOf(key.account(), key.id()));
        ValidToken matched = match.get().token();
        long trustedUntil = nowMillis + settings.cacheTtl().toMillis();
        long validUntil = matched.expiresIn()
                .map(Instant::toEpochMilli)
                .map(end -> Math.min(end, trustedUntil))
                .orElse(trustedUntil);
        cache.put(
                stamp,
                appKey,
                token.reveal(),
                principal,
                matched.slot(),
                match.get().hash(),
                validUntil);
        usage.used(key.id(), nowMillis);
        return new Authenticated(principal);
    }

    /** The valid token that still holds the very hash this pair was verified against before, if any. */
    private Optional<Match> confirmRemembered(String appKey, AppToken token, List<ValidToken> valid) {
        return cache.remembered(appKey, token.reveal())
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

    private AuthenticationResult fail(String appKey, String source, RejectionReason reason, long nowMillis) {
        throttle.recordFailure(appKey, source, nowMillis);
        return reject(reason);
    }

    /** A refusal to be held for the whole refusal time, as nothing of it has passed yet. */
    private AuthenticationResult reject(RejectionReason reason) {
        monitor.rejected(reason);
        return new Rejected(reason, settings.refusalTime());
    }

    /** What is left of the refusal time of a check that began at {@code startedMillis}. */
    private Duration holdFor(long startedMillis) {
        long left = settings.refusalTime().toMillis() - (clock.millis() - startedMillis);
        if (left < 0) {
            monitor.late();
        }
        return Duration.ofMillis(
                Math.max(0, Math.min(left, settings.refusalTime().toMillis())));
    }
}
