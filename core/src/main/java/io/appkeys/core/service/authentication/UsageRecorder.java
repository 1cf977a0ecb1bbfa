package io.appkeys.core.service.authentication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.port.out.AppKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes when keys are used, at most once per interval per key, and writes the notes in one batch when
 * {@link #flush()} runs (on a timer, off the request path). A failed write keeps the notes for the next one.
 */
final class UsageRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

    private final AppKeyStore keys;
    private final long intervalMillis;
    private final Cache<AppKeyId, Long> lastNoted;
    private final ConcurrentHashMap<AppKeyId, Long> pending = new ConcurrentHashMap<>();

    UsageRecorder(AppKeyStore keys, Duration interval, int maxTracked) {
        this.keys = keys;
        this.intervalMillis = interval.toMillis();
        this.lastNoted = Caffeine.newBuilder().maximumSize(maxTracked).build();
    }

    void used(AppKeyId key, long nowMillis) {
        Long last = lastNoted.getIfPresent(key);
        if (last != null && nowMillis - last < intervalMillis) {
            return;
        }
        lastNoted.put(key, nowMillis);
        pending.merge(key, nowMillis, Math::max);
    }

    /** Writes the pending notes; returns how many keys it wrote. */
    int flush() {
        Map<AppKeyId, Instant> batch = new HashMap<>();
        pending.forEach((key, millis) -> {
            if (pending.remove(key, millis)) {
                batch.put(key, Instant.ofEpochMilli(millis));
            }
        });
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            keys.recordUse(batch);
            return batch.size();
        } catch (AppKeysException e) {
            batch.forEach((key, at) -> pending.merge(key, at.toEpochMilli(), Math::max));
            LOG.warn("could not record the last use of {} keys, will retry: {}", batch.size(), e.getMessage());
            return 0;
        }
    }
}
