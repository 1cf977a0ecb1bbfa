package io.appkeys.core.service.authentication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.appkeys.core.domain.AppKeyName;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed checks per appKey and source in fixed windows; once a source reaches the limit for an appKey,
 * its further checks of that appKey are refused until the window ends, without touching the store or the
 * hasher. It guards the CPU, not the secret. Counting per source means that someone else's wrong tokens never
 * hold back the owner of an appKey: the owner's correct pair, from its own source, is checked as usual, cached
 * or not.
 */
final class FailureThrottle {

    private final Cache<Attempts, Window> windows;
    private final int maxFailures;
    private final long windowMillis;

    FailureThrottle(int maxFailures, Duration window, int maxTracked) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.windows = Caffeine.newBuilder().maximumSize(maxTracked).build();
    }

    /** How long the source must wait before trying the appKey again, when it is throttled at {@code nowMillis}. */
    Optional<Duration> retryAfter(AppKeyName appKey, String source, long nowMillis) {
        Window window = windows.getIfPresent(new Attempts(appKey, source));
        if (window == null || window.failures < maxFailures || nowMillis >= window.end(windowMillis)) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (window.end(windowMillis) - nowMillis + 999) / 1000);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    void recordFailure(AppKeyName appKey, String source, long nowMillis) {
        windows.asMap()
                .compute(
                        new Attempts(appKey, source),
                        (key, window) -> window == null || nowMillis >= window.end(windowMillis)
                                ? new Window(nowMillis, 1)
                                : new Window(window.start, window.failures + 1));
    }

    /** Whose failures a window counts. */
    private record Attempts(AppKeyName appKey, String source) {}

    private record Window(long start, int failures) {
        long end(long length) {
            return start + length;
        }
    }
}
