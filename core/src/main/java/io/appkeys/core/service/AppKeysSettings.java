package io.appkeys.core.service;

import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.InvalidInputException;
import java.time.Duration;

/**
 * The tunable behaviour of the use cases, with defaults that suit most deployments.
 *
 * @param appKeyPrefix        first part of every new appKey ({@code vtexappkey})
 * @param renewalPeriod       how long the old token keeps working after a renewal starts (30 days)
 * @param cacheTtl            how long a verified credential is trusted without the store; bounds the
 *                            staleness seen by other processes sharing the store (30 s)
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
        Duration refusalTime) {

    public AppKeysSettings {
        if (!AppKeyName.isValidPrefix(appKeyPrefix)) {
            throw new InvalidInputException(
                    "appKey prefix must be a lowercase letter followed by up to 29" + " lowercase letters or digits");
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
                Duration.ofMillis(250));
    }

    public AppKeysSettings withAppKeyPrefix(String value) {
        return new AppKeysSettings(
                value,
                renewalPeriod,
                cacheTtl,
                cacheMaxEntries,
                throttleMaxFailures,
                throttleWindow,
                hashingConcurrency,
                hashingMaxWait,
                usageInterval,
                refusalTime);
    }

    public AppKeysSettings withRenewalPeriod(Duration value) {
        return new AppKeysSettings(
                appKeyPrefix,
                value,
                cacheTtl,
                cacheMaxEntries,
                throttleMaxFailures,
                throttleWindow,
                hashingConcurrency,
                hashingMaxWait,
                usageInterval,
                refusalTime);
    }

    public AppKeysSettings withCacheTtl(Duration value) {
        return new AppKeysSettings(
                appKeyPrefix,
                renewalPeriod,
                value,
                cacheMaxEntries,
                throttleMaxFailures,
                throttleWindow,
                hashingConcurrency,
                hashingMaxWait,
                usageInterval,
                refusalTime);
    }

    public AppKeysSettings withThrottle(int maxFailures, Duration window) {
        return new AppKeysSettings(
                appKeyPrefix,
                renewalPeriod,
                cacheTtl,
                cacheMaxEntries,
                maxFailures,
                window,
                hashingConcurrency,
                hashingMaxWait,
                usageInterval,
                refusalTime);
    }

    public AppKeysSettings withHashing(int concurrency, Duration maxWait) {
        return new AppKeysSettings(
                appKeyPrefix,
                renewalPeriod,
                cacheTtl,
                cacheMaxEntries,
                throttleMaxFailures,
                throttleWindow,
                concurrency,
                maxWait,
                usageInterval,
                refusalTime);
    }

    public AppKeysSettings withUsageInterval(Duration value) {
        return new AppKeysSettings(
                appKeyPrefix,
                renewalPeriod,
                cacheTtl,
                cacheMaxEntries,
                throttleMaxFailures,
                throttleWindow,
                hashingConcurrency,
                hashingMaxWait,
                value,
                refusalTime);
    }

    public AppKeysSettings withRefusalTime(Duration value) {
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
                value);
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
}
