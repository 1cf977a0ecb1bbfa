package io.appkeys.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * How old a key's token is against the account's renewal cadence, as VTEX's token-age alerts have it: due once
 * the cadence (3 or 6 months) has passed since the token was issued, overdue once twice the cadence has. Months
 * are calendar months in UTC: a token issued on 5 January at 10:00 is due on 5 April at 10:00. Where the day does
 * not exist in the later month, the token is due when that month ends: one issued on 30 November is due on
 * 1 March at 00:00, as is one issued on 29 November when February has 28 days, so a later token is never due
 * before an earlier one.
 */
public enum TokenAge {
    OK,
    DUE,
    OVERDUE;

    /** The age of a token issued at {@code issuedIn}, at {@code now}, for tokens renewed every {@code months}. */
    public static TokenAge of(Instant issuedIn, Instant now, int months) {
        if (!now.isBefore(after(issuedIn, 2 * months))) {
            return OVERDUE;
        }
        return now.isBefore(after(issuedIn, months)) ? OK : DUE;
    }

    /**
     * The latest issue instant of a token that is at least due at {@code now}: a token is due or overdue exactly
     * when it was issued at or before this instant. Months differ in length, so the instant is searched for rather
     * than computed: a later token is never older, so the search halves a span of a few days down to the
     * nanosecond.
     */
    public static Instant dueIfIssuedBy(Instant now, int months) {
        Instant base = now.minus(Duration.ofDays(31L * months + 1)); // due: it is more than the months old
        long low = 0; // base + low is due
        long high = Duration.between(base, now.minus(Duration.ofDays(28L * months - 1)))
                .toNanos(); // not due
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (now.isBefore(after(base.plusNanos(middle), months))) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return base.plusNanos(low);
    }

    /** Its name as the JSON and the CLI show it: {@code ok}, {@code due}, {@code overdue}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code months} after {@code instant}; the end of the month reached, when it has no such day. */
    private static Instant after(Instant instant, int months) {
        ZonedDateTime from = instant.atZone(ZoneOffset.UTC);
        ZonedDateTime to = from.plusMonths(months);
        if (to.getDayOfMonth() != from.getDayOfMonth()) {
            return to.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(); // cut short: month's end
        }
        return to.toInstant();
    }
}
