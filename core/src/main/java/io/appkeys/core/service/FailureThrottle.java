package io.appkeys.core.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed checks per appKey in fixed windows; once an appKey reaches the limit, further checks are
 * refused until its window ends, without touching the store or the hasher. It guards the CPU, not the
 * secret: a token that is already in the credential cache keeps working, since the cache is asked first.
 */
final class FailureThrottle {

    private final Cache<String, Window> windows;
    private final int maxFailures;
    private final long windowMillis;

    FailureThrottle(int maxFailures, Duration window, int maxTracked) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.windows = Caffeine.newBuilder().maximumSize(maxTracked).build();
    }

    /** How long the appKey must wait, when it is throttled at {@code nowMillis}. */
    Optional<Duration> retryAfter(String appKey, long nowMillis) {
        Window window = windows.getIfPresent(appKey);
        if (window == null || window.failures < maxFailures || nowMillis >= window.end(windowMillis)) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (window.end(windowMillis) - nowMillis + 999) / 1000);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    void recordFailure(String appKey, long nowMillis) {
        windows.asMap().compute(appKey, (key, window) -> window == null || nowMillis >= window.end(windowMillis)
                ? new Window(nowMillis, 1)
                : new Window(window.start, window.failures + 1));
    }

    private record Window(long start, int failures) {
        long end(long length) {
            return start + length;
        }
    }
}
