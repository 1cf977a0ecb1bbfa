package io.appkeys.core.port.in;

import io.appkeys.core.domain.RejectionReason;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What this instance has counted since it started, for an adapter to publish as metrics (the server binds it to
 * Prometheus). Every value is a total or a level over all keys: none names a key, an account or a token. Reading
 * is cheap and never touches the store.
 */
public interface ReadMetricsUseCase {

    Metrics metrics();

    /**
     * One reading.
     *
     * @param authenticated   attempts authenticated, each counted once however many steps it took
     * @param rejected        attempts refused, by cause
     * @param throttled       attempts refused unchecked because their source failed too often for the appKey
     * @param overloaded      attempts refused because no turn at hashing came in time
     * @param cacheHits       attempts the credential cache answered
     * @param cacheMisses     well-formed attempts it could not answer
     * @param cacheSize       keys and signed tokens it holds now (an estimate)
     * @param hashingActive   slow checks (Argon2, signatures) running now
     * @param hashingWaiting  checks waiting for a turn now
     * @param hashes          Argon2 computations (hashes and verifications) since start
     * @param hashingTime     their total time
     * @param changeFeedLag   how long ago this instance last applied every change in the store's feed; empty when
     *     it does not follow the feed
     */
    record Metrics(
            long authenticated,
            Map<RejectionReason, Long> rejected,
            long throttled,
            long overloaded,
            long cacheHits,
            long cacheMisses,
            long cacheSize,
            int hashingActive,
            int hashingWaiting,
            long hashes,
            Duration hashingTime,
            Optional<Duration> changeFeedLag) {

        public Metrics {
            rejected = Map.copyOf(rejected);
            Objects.requireNonNull(hashingTime, "hashingTime");
            Objects.requireNonNull(changeFeedLag, "changeFeedLag");
        }

        /** Attempts refused for {@code reason}. */
        public long rejected(RejectionReason reason) {
            return rejected.getOrDefault(reason, 0L);
        }
    }
}
