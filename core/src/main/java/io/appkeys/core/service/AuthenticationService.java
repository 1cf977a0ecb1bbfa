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
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.appkeys.core.port.out.AppKeyStore.StoredKey;
import io.appkeys.core.port.out.SecretHasher;
import io.appkeys.core.port.out.SecretHasher.Verification;
import io.appkeys.core.port.out.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks key pairs, cheapest step first: the shape and checksum of both values, then the credential cache,
 * then the per-appKey throttle, then one store read and, within the bound on concurrent hashing, the slow
 * hash check. Every failure gives the same {@link Rejected} result to the caller.
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

    public AuthenticationService(Storage storage, SecretHasher hasher, CredentialCache cache, Clock clock,
            AppKeysSettings settings) {
        this.storage = storage;
        this.hasher = hasher;
        this.cache = cache;
        this.clock = clock;
        this.settings = settings;
        this.throttle = new FailureThrottle(settings.throttleMaxFailures(), settings.throttleWindow(),
                settings.cacheMaxEntries());
        this.gate = new HashingGate(settings.hashingConcurrency(), settings.hashingMaxWait());
        this.monitor = new FailureMonitor(clock, FAILURE_LOG_INTERVAL);
        this.usage = new UsageRecorder(storage.keys(), settings.usageInterval(), settings.cacheMaxEntries());
    }

    @Override
    public AuthenticationResult authenticate(String appKey, String appToken) {
        return authenticateWithoutBlocking(appKey, appToken)
                .orElseGet(() -> check(appKey, AppToken.parse(appToken), clock.millis()));
    }

    @Override
    public Optional<AuthenticationResult> authenticateWithoutBlocking(String appKey, String appToken) {
        if (!AppKeyName.isWellFormed(appKey) || !AppToken.isWellFormed(appToken)) {
            return Optional.of(reject(RejectionReason.MALFORMED));
        }
        long now = clock.millis();
        KeyPrincipal cached = cache.lookup(appKey, appToken, now);
        if (cached != null) {
            usage.used(cached.id(), now);
            return Optional.of(new Authenticated(cached));
        }
        Optional<Duration> wait = throttle.retryAfter(appKey, now);
        if (wait.isPresent()) {
            monitor.throttled();
            return Optional.of(new Throttled(wait.get()));
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

    private AuthenticationResult check(String appKey, AppToken token, long nowMillis) {
        long stamp = cache.stamp();
        Optional<StoredKey> stored = storage.keys().findWithCredentials(new AppKeyName(appKey));
        if (stored.isEmpty()) {
            return fail(appKey, RejectionReason.UNKNOWN_KEY, nowMillis);
        }
        AppKey key = stored.get().key();
        if (!key.active()) {
            return fail(appKey, RejectionReason.INACTIVE_KEY, nowMillis);
        }
        if (!gate.enter()) {
            monitor.overloaded();
            return new Overloaded(OVERLOADED_RETRY);
        }
        Optional<ValidToken> match;
        try {
            match = verify(key, token, stored.get(), Instant.ofEpochMilli(nowMillis));
        } finally {
            gate.exit();
        }
        if (match.isEmpty()) {
            return fail(appKey, RejectionReason.WRONG_TOKEN, nowMillis);
        }
        KeyPrincipal principal = new KeyPrincipal(key.id(), key.account(), key.appKey(),
                storage.roles().resourcesOf(key.account(), key.id()));
        long trustedUntil = nowMillis + settings.cacheTtl().toMillis();
        long validUntil = match.get().expiresIn().map(Instant::toEpochMilli).map(end -> Math.min(end, trustedUntil))
                .orElse(trustedUntil);
        cache.put(stamp, appKey, token.reveal(), principal, validUntil);
        usage.used(key.id(), nowMillis);
        return new Authenticated(principal);
    }

    /** The first valid token of the key that matches, upgrading its hash when it was made with old parameters. */
    private Optional<ValidToken> verify(AppKey key, AppToken token, StoredKey stored, Instant now) {
        for (ValidToken valid : stored.credentials().validAt(now, settings.renewalPeriod())) {
            Verification verification = hasher.verify(token, valid.token().hash());
            if (verification == Verification.MATCH_NEEDS_REHASH) {
                upgrade(key, token, valid);
            }
            if (verification.matches()) {
                return Optional.of(valid);
            }
        }
        return Optional.empty();
    }

    private void upgrade(AppKey key, AppToken token, ValidToken valid) {
        try {
            storage.keys().replaceHash(key.id(), valid.slot(), valid.token().hash(), hasher.hash(token));
        } catch (AppKeysException e) {
            LOG.warn("could not upgrade the token hash of appKey {}: {}", key.appKey(), e.getMessage());
        }
    }

    private AuthenticationResult fail(String appKey, RejectionReason reason, long nowMillis) {
        throttle.recordFailure(appKey, nowMillis);
        return reject(reason);
    }

    private AuthenticationResult reject(RejectionReason reason) {
        monitor.rejected(reason);
        return new Rejected(reason);
    }
}
