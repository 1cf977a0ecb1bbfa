package io.appkeys.core.service;

import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.InvalidInputException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The tunable behaviour of the use cases, with defaults that suit most deployments.
 *
 * @param appKeyPrefix        first part of every new appKey ({@code vtexappkey})
 * @param renewalPeriod       how long the old token keeps working after a renewal starts (30 days)
 * @param cacheTtl            how long a verified credential stays trusted after the last successful read of
 *                            the store: of the change feed, which evicts whatever a change touches, or of the
 *                            credential itself. While the feed is read, a cached credential needs no other
 *                            read; when it cannot be, this bounds what a process trusts (30 s)
 * @param cacheMaxEntries     how many appKeys the verified-credential cache holds (100,000)
 * @param throttleMaxFailures failed attempts for one appKey from one source within one window before that
 *                            source is throttled for that appKey (10)
 * @param throttleWindow      the throttle's window; a throttled source is told to retry when it ends (10 s)
 * @param hashingConcurrency  how many token verifications may run at once (half the processors, at least 1)
 * @param hashingMaxWait      how long a verification may wait for its turn before the caller is told to
 *                            retry (2 s)
 * @param usageInterval       how often at most a key's last use is recorded (1 minute)
 * @param refusalTime         how long after a check began its refusal may be answered, whatever the cause,
 *                            so that refusals cannot be told apart by time; longer than a token
 *                            verification, even when a few wait for their turn (250 ms)
 * @param feedPollInterval    how often the change feed is read when the store cannot say that it changed
 *                            (H2, memory), and how long a follower pauses after a failed read; PostgreSQL
 *                            says so at once, and is read every 5 s besides (250 ms)
 * @param propagationWait     how long a change, once committed, waits for every other process following the
 *                            feed to apply it before it is confirmed; zero confirms at once (2 s)
 * @param signedTokenLifetime how long a signed token obtained with a key pair lives, at most (24 h)
 * @param signingKeyRotation  how long a signing key signs before a new one is made (30 days)
 * @param tokenIssuer         the issuer named in every signed token, and required of every one presented
 *                            ({@code appkeys})
 * @param usageRetention      how long each key's hourly counts of successful authentications are kept, at
 *                            least a day (35 days)
 */
public record AppKeysSettings(
        String appKeyPrefix,
        Duration renewalPeriod,
        Duration cacheTtl,
        int cacheMaxEntries,
        int throttleMaxFailures,
        Duration throttleWindow,
        int hashingConcurrency,
        Duration hashingMaxWait,
        Duration usageInterval,
        Duration refusalTime,
        Duration feedPollInterval,
        Duration propagationWait,
        Duration signedTokenLifetime,
        Duration signingKeyRotation,
        String tokenIssuer,
        Duration usageRetention) {

    public AppKeysSettings {
        if (!AppKeyName.isValidPrefix(appKeyPrefix)) {
            throw new InvalidInputException(
                    "appKey prefix must be a lowercase letter followed by up to 29 lowercase letters or digits");
        }
        positive(renewalPeriod, "renewal period");
        positive(cacheTtl, "cache TTL");
        atLeastOne(cacheMaxEntries, "cache size");
        atLeastOne(throttleMaxFailures, "throttle failures");
        positive(throttleWindow, "throttle window");
        atLeastOne(hashingConcurrency, "hashing concurrency");
        positive(hashingMaxWait, "hashing wait");
        positive(usageInterval, "usage interval");
        positive(refusalTime, "refusal time");
        positive(feedPollInterval, "feed poll interval");
        if (propagationWait == null || propagationWait.isNegative()) {
            throw new InvalidInputException("propagation wait must be zero or a positive duration");
        }
        positive(signedTokenLifetime, "signed token lifetime");
        positive(signingKeyRotation, "signing key rotation");
        if (signedTokenLifetime.getSeconds() < 1) {
            throw new InvalidInputException("signed token lifetime must be at least 1 second");
        }
        if (tokenIssuer == null || tokenIssuer.isBlank()) {
            throw new InvalidInputException("token issuer must not be blank");
        }
        if (usageRetention == null || usageRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new InvalidInputException("usage retention must be at least 1 day");
        }
    }

    public static AppKeysSettings defaults() {
        return new AppKeysSettings(
                AppKeyName.DEFAULT_PREFIX,
                Duration.ofDays(30),
                Duration.ofSeconds(30),
                100_000,
                10,
                Duration.ofSeconds(10),
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1),
                Duration.ofMillis(250),
                Duration.ofMillis(250),
                Duration.ofSeconds(2),
                Duration.ofHours(24),
                Duration.ofDays(30),
                "appkeys",
                Duration.ofDays(35));
    }

    public AppKeysSettings withAppKeyPrefix(String value) {
        return edit(draft -> draft.appKeyPrefix = value);
    }

    public AppKeysSettings withRenewalPeriod(Duration value) {
        return edit(draft -> draft.renewalPeriod = value);
    }

    public AppKeysSettings withCacheTtl(Duration value) {
        return edit(draft -> draft.cacheTtl = value);
    }

    public AppKeysSettings withCacheMaxEntries(int value) {
        return edit(draft -> draft.cacheMaxEntries = value);
    }

    public AppKeysSettings withThrottle(int maxFailures, Duration window) {
        return edit(draft -> {
            draft.throttleMaxFailures = maxFailures;
            draft.throttleWindow = window;
        });
    }

    public AppKeysSettings withHashing(int concurrency, Duration maxWait) {
        return edit(draft -> {
            draft.hashingConcurrency = concurrency;
            draft.hashingMaxWait = maxWait;
        });
    }

    public AppKeysSettings withUsageInterval(Duration value) {
        return edit(draft -> draft.usageInterval = value);
    }

    public AppKeysSettings withRefusalTime(Duration value) {
        return edit(draft -> draft.refusalTime = value);
    }

    public AppKeysSettings withFeedPollInterval(Duration value) {
        return edit(draft -> draft.feedPollInterval = value);
    }

    public AppKeysSettings withPropagationWait(Duration value) {
        return edit(draft -> draft.propagationWait = value);
    }

    public AppKeysSettings withSignedTokens(Duration lifetime, Duration keyRotation, String issuer) {
        return edit(draft -> {
            draft.signedTokenLifetime = lifetime;
            draft.signingKeyRotation = keyRotation;
            draft.tokenIssuer = issuer;
        });
    }

    public AppKeysSettings withUsageRetention(Duration value) {
        return edit(draft -> draft.usageRetention = value);
    }

    /** These settings with {@code change} made, checked as any others. */
    private AppKeysSettings edit(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.settings();
    }

    private static void positive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException(what + " must be a positive duration");
        }
    }

    private static void atLeastOne(int value, String what) {
        if (value < 1) {
            throw new InvalidInputException(what + " must be at least 1, got " + value);
        }
    }

    /** A copy of the settings to change before they are checked again. */
    private static final class Draft {

        String appKeyPrefix;
        Duration renewalPeriod;
        Duration cacheTtl;
        int cacheMaxEntries;
        int throttleMaxFailures;
        Duration throttleWindow;
        int hashingConcurrency;
        Duration hashingMaxWait;
        Duration usageInterval;
        Duration refusalTime;
        Duration feedPollInterval;
        Duration propagationWait;
        Duration signedTokenLifetime;
        Duration signingKeyRotation;
        String tokenIssuer;
        Duration usageRetention;

        Draft(AppKeysSettings settings) {
            appKeyPrefix = settings.appKeyPrefix;
            renewalPeriod = settings.renewalPeriod;
            cacheTtl = settings.cacheTtl;
            cacheMaxEntries = settings.cacheMaxEntries;
            throttleMaxFailures = settings.throttleMaxFailures;
            throttleWindow = settings.throttleWindow;
            hashingConcurrency = settings.hashingConcurrency;
            hashingMaxWait = settings.hashingMaxWait;
            usageInterval = settings.usageInterval;
            refusalTime = settings.refusalTime;
            feedPollInterval = settings.feedPollInterval;
            propagationWait = settings.propagationWait;
            signedTokenLifetime = settings.signedTokenLifetime;
            signingKeyRotation = settings.signingKeyRotation;
            tokenIssuer = settings.tokenIssuer;
            usageRetention = settings.usageRetention;
        }

        AppKeysSettings settings() {
            return new AppKeysSettings(
                    appKeyPrefix,
                    renewalPeriod,
                    cacheTtl,
                    cacheMaxEntries,
                    throttleMaxFailures,
                    throttleWindow,
                    hashingConcurrency,
                    hashingMaxWait,
                    usageInterval,
                    refusalTime,
                    feedPollInterval,
                    propagationWait,
                    signedTokenLifetime,
                    signingKeyRotation,
                    tokenIssuer,
                    usageRetention);
        }
    }
}
