package io.appkeys.adapter.cli;

import io.appkeys.core.domain.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as an operator types it: a whole number and a unit ({@code 90d}, {@code 12h}, {@code 30m},
 * {@code 45s}), or ISO-8601 ({@code P90D}, {@code PT12H}). Positive, and at most 100 years.
 */
record Lifetime(Duration duration) {

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,6})([dhms])");
    private static final Duration LONGEST = Duration.ofDays(36_500);

    Lifetime {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0) {
            throw new InvalidInputException("a lifetime must be positive and at most 36500d");
        }
    }

    static Lifetime parse(String text) {
        Matcher matcher = SHORT.matcher(text == null ? "" : text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return new Lifetime(
                    switch (matcher.group(2)) {
                        case "d" -> Duration.ofDays(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofSeconds(amount);
                    });
        }
        try {
            return new Lifetime(Duration.parse(text));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException(
                    "a lifetime is a number and a unit (90d, 12h, 30m, 45s) or ISO-8601 (P90D), got " + text);
        }
    }
}
