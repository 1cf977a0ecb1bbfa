package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Overloaded;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.AuthenticationResult.Throttled;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.port.in.Attempt;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.ReadMetricsUseCase.Metrics;
import io.appkeys.core.port.out.SecretHasher;
import io.appkeys.core.port.out.Storage;
import io.appkeys.core.port.out.TokenSigner;
import io.appkeys.core.service.AppKeysSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Checks key pairs, cheapest step first: the shape and checksum of both values, then the credential cache,
 * then the throttle (per appKey and source), then the {@link FullCheck} of the store and the hash. Concurrent
 * checks of one pair share one check. Every failure gives the same {@link Rejected} result to the caller, to be
 * answered the same time after its check began: an unknown key costs no hashing, so its refusal is held instead.
 */
public final class AuthenticationService implements AuthenticateUseCase, AutoCloseable {

    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(10);

    private final CredentialCache cache;
    private final Clock clock;
    private final Duration refusalTime;
    private final FailureThrottle throttle;
    private final FailureMonitor monitor;
    private final UsageRecorder usage;
    private final FullCheck fullCheck;
    private final TokenCheck tokenCheck;
    private final HashingGate gate;
    private final AuthenticationCounts counts = new AuthenticationCounts();
    private final SingleFlight<PresentedPair.PairName, FullCheck.Checked> flights = new SingleFlight<>();

    public AuthenticationService(
            Storage storage,
            SecretHasher hasher,
            TokenSigner signer,
            CredentialCache cache,
            Clock clock,
            AppKeysSettings settings) {
        this.cache = cache;
        this.clock = clock;
        this.refusalTime = settings.refusalTime();
        this.throttle = new FailureThrottle(
                settings.throttleMaxFailures(), settings.throttleWindow(), settings.cacheMaxEntries());
        this.monitor = new FailureMonitor(clock, FAILURE_LOG_INTERVAL);
        this.usage = new UsageRecorder(
                storage.keys(), clock, settings.usageInterval(), settings.usageRetention(), settings.cacheMaxEntries());
        // pairs' hashes and tokens' signatures take turns within one bound on slow work
        this.gate = new HashingGate(settings.hashingConcurrency(), settings.hashingMaxWait());
        this.fullCheck = new FullCheck(storage, hasher, cache, gate, settings.renewalPeriod());
        this.tokenCheck = new TokenCheck(storage, signer, cache, gate, settings.renewalPeriod(), usage);
    }

    @Override
    public Attempt attempt(String appKey, String appToken, String source, Optional<IpAddress> from) {
        long now = clock.millis();
        Optional<AppKeyName> name = AppKeyName.read(appKey);
        Optional<AppToken> token = name.isPresent() ? AppToken.read(appToken) : Optional.empty();
        if (token.isEmpty()) {
            return new MalformedAttempt(source, now, new Tally());
        }
        return new PresentedPair(name.get(), token.get(), cache.digest(token.get()), source, from, now, new Tally());
    }

    @Override
    public Attempt attemptToken(String signedToken, String source, Optional<IpAddress> from) {
        long now = clock.millis();
        Optional<SignedToken> token = SignedToken.read(signedToken);
        if (token.isEmpty()) {
            return new MalformedAttempt(source, now, new Tally());
        }
        return new PresentedToken(token.get(), cache.digest(token.get()), source, from, now, new Tally());
    }

    @Override
    public Optional<AuthenticationResult> authenticateWithoutBlocking(Attempt attempt) {
        Optional<AuthenticationResult> answer = quick(presented(attempt));
        answer.ifPresent(result -> answered(attempt, result));
        return answer;
    }

    @Override
    public AuthenticationResult authenticate(Attempt attempt) {
        Optional<AuthenticationResult> quick = authenticateWithoutBlocking(attempt);
        if (quick.isPresent()) {
            return quick.get();
        }
        AuthenticationResult result;
        if (attempt instanceof PresentedToken token) {
            result = tokenCheck.check(token, clock.millis());
        } else {
            PresentedPair pair = (PresentedPair) attempt;
            FullCheck.Checked checked = flights.run(pair.name(), () -> check(pair));
            result = checked.result();
            if (result instanceof Authenticated authenticated) {
                // each caller sharing the check is a use of its own
                usage.used(authenticated.principal().id(), checked.tokenIssuedIn(), clock.millis());
            }
        }
        // each caller that shared the check is held from when its own check began
        if (result instanceof Rejected rejected) {
            result = held(rejected.reason(), attempt);
        }
        answered(attempt, result);
        return result;
    }

    /** Refused authentications by cause since start; no appKey or token is kept. */
    public Map<RejectionReason, Long> rejections() {
        return counts.rejected();
    }

    /**
     * What authentication has counted since start (attempts by answer, the cache's hits and misses, the slow checks
     * running and waiting now), with what the caller counts of the cache's size, of hashing and of the change feed.
     */
    public Metrics metrics(long cacheSize, long hashes, Duration hashingTime, Optional<Duration> changeFeedLag) {
        return new Metrics(
                counts.authenticated(),
                counts.rejected(),
                counts.throttled(),
                counts.overloaded(),
                counts.hits(),
                counts.misses(),
                cacheSize,
                gate.active(),
                gate.waiting(),
                hashes,
                hashingTime,
                changeFeedLag);
    }

    /**
     * Writes the noted uses of keys (last uses and hourly counts), and at most once an hour forgets counts older than
     * the retention; what the timer runs. Returns how many tokens' last uses it wrote.
     */
    public int maintainUsage() {
        int written = usage.flush();
        usage.forgetOldCountsHourly();
        return written;
    }

    /** Writes the noted uses of keys, and forgets nothing: a process that ends does not prune. */
    @Override
    public void close() {
        usage.flush();
    }

    /** The answer the cache alone can give, without blocking: a hit, a malformed attempt, or a throttle. */
    private Optional<AuthenticationResult> quick(Attempt presented) {
        if (presented instanceof PresentedToken token) {
            CredentialCache.SignedEntry cached = cache.lookupSigned(token.digest(), clock.millis());
            boolean hit = cached != null && cached.networks().allows(token.from());
            counts.lookedUp(token.tally(), hit);
            if (!hit) {
                return Optional.empty(); // a signature to check and a store read: no throttle, a token is not guessed
            }
            usage.used(cached.principal().id(), cached.pairIssuedIn(), clock.millis());
            return Optional.of(new Authenticated(cached.principal()));
        }
        if (!(presented instanceof PresentedPair pair)) {
            return Optional.of(held(RejectionReason.MALFORMED, presented));
        }
        long now = clock.millis();
        CredentialCache.Verified cached = cache.lookup(pair, now);
        boolean hit = cached != null && cached.networks().allows(pair.from());
        counts.lookedUp(pair.tally(), hit);
        if (hit) {
            usage.used(cached.principal().id(), cached.issuedIn(), now);
            return Optional.of(new Authenticated(cached.principal()));
        }
        if (cache.remembered(pair).isEmpty()) {
            Optional<Duration> wait = throttle.retryAfter(pair.appKey(), pair.source(), now);
            if (wait.isPresent()) {
                return Optional.of(new Throttled(wait.get()));
            }
        }
        return Optional.empty();
    }

    private FullCheck.Checked check(PresentedPair pair) {
        long now = clock.millis();
        FullCheck.Checked checked = fullCheck.check(pair, now);
        if (checked.result() instanceof Rejected) {
            throttle.recordFailure(pair.appKey(), pair.source(), now);
        }
        return checked;
    }

    /** Counts the attempt's answer, and reports a refusal, once per attempt however often it is asked. */
    private void answered(Attempt attempt, AuthenticationResult result) {
        if (!counts.answered(tallyOf(attempt), result)) {
            return;
        }
        if (result instanceof Rejected rejected) {
            monitor.rejected(rejected.reason());
        } else if (result instanceof Throttled) {
            monitor.throttled();
        } else if (result instanceof Overloaded) {
            monitor.overloaded();
        }
    }

    /** A refusal, to be held for what is left of the refusal time since the attempt's check began. */
    private Rejected held(RejectionReason reason, Attempt attempt) {
        long started;
        if (attempt instanceof PresentedPair pair) {
            started = pair.startedMillis();
        } else if (attempt instanceof PresentedToken token) {
            started = token.startedMillis();
        } else {
            started = ((MalformedAttempt) attempt).startedMillis();
        }
        long left = refusalTime.toMillis() - (clock.millis() - started);
        if (left < 0) {
            monitor.late();
        }
        return new Rejected(reason, Duration.ofMillis(Math.max(0, Math.min(left, refusalTime.toMillis()))));
    }

    private static Tally tallyOf(Attempt attempt) {
        if (attempt instanceof PresentedPair pair) {
            return pair.tally();
        }
        if (attempt instanceof PresentedToken token) {
            return token.tally();
        }
        return ((MalformedAttempt) attempt).tally();
    }

    private static Attempt presented(Attempt attempt) {
        if (attempt instanceof PresentedPair
                || attempt instanceof PresentedToken
                || attempt instanceof MalformedAttempt) {
            return attempt;
        }
        throw new IllegalArgumentException("an attempt must come from AuthenticateUseCase.attempt");
    }
}
