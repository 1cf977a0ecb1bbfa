package io.appkeys.adapter.http.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** How the console writes instants and durations: UTC to the minute, and ages in whole days or hours. */
public final class Format {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Format() {}

    /** {@code 2026-11-30 14:05 UTC}. */
    public static String when(Instant instant) {
        return MINUTE.format(instant.truncatedTo(ChronoUnit.MINUTES));
    }

    /** {@link #when(Instant)}, or {@code none} when there is no instant. */
    public static String when(Optional<Instant> instant, String none) {
        return instant.map(Format::when).orElse(none);
    }

    /** The ISO-8601 form, for a {@code <time datetime>} attribute. */
    public static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 3 days}, {@code 1 day}, {@code 5 hours}, {@code under an hour}. */
    public static String age(Duration age) {
        long days = age.toDays();
        if (days > 0) {
            return days == 1 ? "1 day" : days + " days";
        }
        long hours = age.toHours();
        if (hours > 0) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return "under an hour";
    }
}
