package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.RejectionReason;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts refused authentications by cause and logs a summary at most once per interval, so a flood of bad
 * credentials neither fills the log nor the database. It logs counts only: no appKey, no token.
 */
final class FailureMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(FailureMonitor.class);

    private final Map<RejectionReason, LongAdder> sinceLog = new EnumMap<>(RejectionReason.class);
    private final LongAdder throttled = new LongAdder();
    private final LongAdder overloaded = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final AtomicLong nextLogAt = new AtomicLong(Long.MIN_VALUE);
    private final Clock clock;
    private final long intervalMillis;

    FailureMonitor(Clock clock, Duration interval) {
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        for (RejectionReason reason : RejectionReason.values()) {
            sinceLog.put(reason, new LongAdder());
        }
    }

    void rejected(RejectionReason reason) {
        sinceLog.get(reason).increment();
        maybeLog();
    }

    void throttled() {
        throttled.increment();
        maybeLog();
    }

    void overloaded() {
        overloaded.increment();
        maybeLog();
    }

    /** A refusal whose check outlasted the refusal time, so that it may be told apart from others by time. */
    void late() {
        late.increment();
        maybeLog();
    }

    private void maybeLog() {
        long now = clock.millis();
        long due = nextLogAt.get();
        if (now < due || !nextLogAt.compareAndSet(due, now + intervalMillis)) {
            return;
        }
        StringBuilder line = new StringBuilder("refused authentications since last report:");
        sinceLog.forEach((reason, adder) ->
                line.append(' ').append(reason.name().toLowerCase()).append('=').append(adder.sumThenReset()));
        line.append(" throttled=").append(throttled.sumThenReset());
        line.append(" overloaded=").append(overloaded.sumThenReset());
        long lateSinceLog = late.sumThenReset();
        if (lateSinceLog > 0) {
            line.append(" late=")
                    .append(lateSinceLog)
                    .append(" (checks slower than the refusal time: raise it,"
                            + " or refusals can be told apart by time)");
        }
        LOG.warn(line.toString());
    }
}
