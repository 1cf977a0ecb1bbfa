package io.appkeys.core.domain;

import java.time.Duration;

/** Durations as people read them: whole days as {@code P90D}, anything else in ISO-8601 ({@code PT12H}). */
public final class Durations {

    private Durations() {}

    public static String format(Duration duration) {
        if (!duration.isNegative() && !duration.isZero() && duration.equals(Duration.ofDays(duration.toDays()))) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }
}
