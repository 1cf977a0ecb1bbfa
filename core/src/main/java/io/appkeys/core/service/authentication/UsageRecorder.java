package io.appkeys.core.service.authentication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.port.out.AppKeyStore;
import io.appkeys.core.port.out.AppKeyStore.HourOfUse;
import io.appkeys.core.port.out.AppKeyStore.TokenUse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes keys' uses off the request path, and writes them in batches when {@link #flush()} runs (on a timer, and
 * on close): each token's last use, at most once per interval per token (so both tokens of a pending renewal are
 * seen), and every use in its key's count for the hour. A failed write keeps what it held for the next one.
 * {@link #forgetOldCountsHourly()} forgets counts older than the retention.
 */
final class UsageRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);
    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private final AppKeyStore keys;
    private final Clock clock;
    private final long intervalMillis;
    private final Duration retention;
    private final Cache<TokenUse, Long> lastNoted;
    private final ConcurrentHashMap<TokenUse, Long> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<KeyHour, Long> counts = new ConcurrentHashMap<>();
    private volatile long forgottenAt;

    UsageRecorder(AppKeyStore keys, Clock clock, Duration interval, Duration retention, int maxTracked) {
        this.keys = keys;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.retention = retention;
        this.lastNoted = Caffeine.newBuilder().maximumSize(maxTracked).build();
        this.forgottenAt = clock.millis() - HOUR_MILLIS; // the first flush forgets what is old
    }

    /** Notes a use of the key's token issued at {@code tokenIssuedIn}. */
    void used(AppKeyId key, Instant tokenIssuedIn, long nowMillis) {
        // merge is atomic per key, and flush removes a key's count atomically: no use is lost between them
        counts.merge(new KeyHour(key, Math.floorDiv(nowMillis, HOUR_MILLIS)), 1L, Long::sum);
        TokenUse use = new TokenUse(key, tokenIssuedIn);
        Long last = lastNoted.getIfPresent(use);
        if (last != null && nowMillis - last < intervalMillis) {
            return;
        }
        lastNoted.put(use, nowMillis);
        pending.merge(use, nowMillis, Math::max);
    }

    /** Writes what was noted; returns how many tokens' last uses it wrote. */
    int flush() {
        int written = flushLastUses();
        flushCounts();
        return written;
    }

    private int flushLastUses() {
        Map<TokenUse, Instant> batch = new HashMap<>();
        pending.forEach((use, millis) -> {
            if (pending.remove(use, millis)) {
                batch.put(use, Instant.ofEpochMilli(millis));
            }
        });
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            keys.recordUse(batch);
            return batch.size();
        } catch (AppKeysException e) {
            batch.forEach((use, at) -> pending.merge(use, at.toEpochMilli(), Math::max));
            LOG.warn("could not record the last use of {} tokens, will retry: {}", batch.size(), e.getMessage());
            return 0;
        }
    }

    private void flushCounts() {
        Map<HourOfUse, Long> batch = new HashMap<>();
        for (KeyHour hour : counts.keySet()) {
            Long uses = counts.remove(hour);
            if (uses != null) {
                batch.put(new HourOfUse(hour.key(), Instant.ofEpochMilli(hour.hour() * HOUR_MILLIS)), uses);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            keys.addUses(batch);
        } catch (AppKeysException e) {
            batch.forEach((hour, uses) ->
                    counts.merge(new KeyHour(hour.key(), hour.start().toEpochMilli() / HOUR_MILLIS), uses, Long::sum));
            LOG.warn("could not record the uses of {} key-hours, will retry: {}", batch.size(), e.getMessage());
        }
    }

    /** Forgets counts older than the retention, at most once an hour (a server's timer calls it). */
    void forgetOldCountsHourly() {
        long now = clock.millis();
        if (now - forgottenAt < HOUR_MILLIS) {
            return;
        }
        try {
            int forgotten = keys.forgetUsesBefore(Instant.ofEpochMilli(now).minus(retention));
            forgottenAt = now;
            LOG.debug("forgot {} hourly use counts older than {}", forgotten, retention);
        } catch (AppKeysException e) {
            LOG.debug("could not forget old use counts, will retry: {}", e.getMessage());
        }
    }

    /** A key's uses in one hour, the hour counted from the epoch. */
    private record KeyHour(AppKeyId key, long hour) {}
}
