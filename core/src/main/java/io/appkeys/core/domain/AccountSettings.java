package io.appkeys.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an account decides for all its keys, as VTEX's account settings do.
 *
 * @param maxKeyLifetime   when set, the longest a new key may live: a key created without an expiry gets one that
 *                         far ahead, and no expiry may be set further ahead than that (off by default)
 * @param renewEveryMonths how often each key's token should be renewed, 3 or 6 months: a token older than that is
 *                         {@link TokenAge#DUE}, older than twice that {@link TokenAge#OVERDUE} (3 by default)
 * @param autoFinishAfter  when set, a pending renewal is finished by itself this long after it started, shorter
 *                         than the expiration period that would end it anyway (off by default)
 */
public record AccountSettings(
        Optional<Duration> maxKeyLifetime, int renewEveryMonths, Optional<Duration> autoFinishAfter) {

    public static final AccountSettings DEFAULTS = new AccountSettings(Optional.empty(), 3, Optional.empty());

    /** The longest any duration here may be: 100 years. */
    public static final Duration LONGEST = Duration.ofDays(36_500);

    public AccountSettings {
        Objects.requireNonNull(maxKeyLifetime, "maxKeyLifetime");
        Objects.requireNonNull(autoFinishAfter, "autoFinishAfter");
        if (renewEveryMonths != 3 && renewEveryMonths != 6) {
            throw new InvalidInputException("tokens are renewed every 3 or 6 months, got " + renewEveryMonths);
        }
        maxKeyLifetime.ifPresent(lifetime -> requireSpan(lifetime, "a maximum key lifetime"));
        autoFinishAfter.ifPresent(grace -> requireSpan(grace, "an automatic finish of renewals"));
    }

    public AccountSettings withMaxKeyLifetime(Optional<Duration> value) {
        return new AccountSettings(value, renewEveryMonths, autoFinishAfter);
    }

    public AccountSettings withRenewEveryMonths(int value) {
        return new AccountSettings(maxKeyLifetime, value, autoFinishAfter);
    }

    public AccountSettings withAutoFinishAfter(Optional<Duration> value) {
        return new AccountSettings(maxKeyLifetime, renewEveryMonths, value);
    }

    /**
     * The expiry a key gets at {@code now} when {@code asked} for: as asked within the maximum lifetime, the end of
     * the maximum lifetime when none is asked for.
     *
     * @throws InvalidInputException when the expiry asked for is beyond the maximum lifetime
     */
    public Optional<Instant> expiryFor(Optional<Instant> asked, Instant now) {
        if (maxKeyLifetime.isEmpty()) {
            return asked;
        }
        Instant latest = now.plus(maxKeyLifetime.get());
        if (asked.isPresent() && asked.get().isAfter(latest)) {
            throw new InvalidInputException("the account's keys live at most " + Durations.format(maxKeyLifetime.get())
                    + ": an expiry must be at or before " + latest + ", got " + asked.get());
        }
        return Optional.of(asked.orElse(latest));
    }

    private static void requireSpan(Duration value, String what) {
        if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(LONGEST) > 0 || value.getNano() != 0) {
            throw new InvalidInputException(
                    what + " must be whole seconds, from 1 second to 36500 days, got " + Durations.format(value));
        }
    }
}
