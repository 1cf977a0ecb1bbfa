package io.appkeys.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How often a key authenticated: its successful authentications per hour (UTC hours, oldest first, hours without
 * any left out), and its totals over the last 24 hours and 7 days. Counts reach the store in batches, a few
 * seconds after the uses.
 */
public record KeyUsage(List<Hour> hours, long last24Hours, long last7Days) {

    public KeyUsage {
        hours = List.copyOf(hours);
    }

    /** The uses in the hour that starts at {@code start}. */
    public record Hour(Instant start, long uses) {
        public Hour {
            Objects.requireNonNull(start, "start");
        }
    }
}
