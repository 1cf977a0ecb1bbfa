package io.appkeys.core.service.authentication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.port.out.AppKeyStore;
import io.appkeys.core.port.out.AppKeyStore.TokenUse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes when keys' tokens are used, at most once per interval per token (so both tokens of a pending renewal are
 * seen), and writes the notes in one batch when {@link #flush()} runs (on a timer, off the request path). A
 * failed write keeps the notes for the next one.
 */
final class UsageRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

    private final AppKeyStore keys;
    private final long intervalMillis;
    private final Cache<TokenUse, Long> lastNoted;
    private final ConcurrentHashMap<TokenUse, Long> pending = new ConcurrentHashMap<>();

    UsageRecorder(AppKeyStore keys, Duration interval, int maxTracked) {
        this.keys = keys;
        this.intervalMillis = interval.toMillis();
        this.lastNoted = Caffeine.newBuilder().maximumSize(maxTracked).build();
    }

    /** Notes a use of the key's token issued at {@code tokenIssuedIn}. */
    void used(AppKeyId key, Instant tokenIssuedIn, long nowMillis) {
        TokenUse use = new TokenUse(key, tokenIssuedIn);
        Long last = lastNoted.getIfPresent(use);
        if (last != null && nowMillis - last < intervalMillis) {
            return;
        }
        lastNoted.put(use, nowMillis);
        pending.merge(use, nowMillis, Math::max);
    }

    /** Writes the pending notes; returns how many tokens it wrote. */
    int flush() {
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
}
