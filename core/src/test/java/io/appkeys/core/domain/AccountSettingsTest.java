package io.appkeys.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bounds of an account's settings, and the expiry a maximum lifetime gives a key. */
class AccountSettingsTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void defaults_renewEveryThreeMonths_andTurnTheRestOff() {
        assertEquals(new AccountSettings(Optional.empty(), 3, Optional.empty()), AccountSettings.DEFAULTS);
    }

    @Test
    void theCadence_isThreeOrSixMonths() {
        for (int months : new int[] {0, 1, 2, 4, 5, 7, 12, -3}) {
            assertThrows(InvalidInputException.class, () -> AccountSettings.DEFAULTS.withRenewEveryMonths(months));
        }
        assertEquals(6, AccountSettings.DEFAULTS.withRenewEveryMonths(6).renewEveryMonths());
    }

    @Test
    void durations_areWholeSeconds_fromOneSecondTo36500Days() {
        for (Duration bad :
                new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMillis(1500), Duration.ofDays(36_501)
                }) {
            assertThrows(
                    InvalidInputException.class,
                    () -> AccountSettings.DEFAULTS.withMaxKeyLifetime(Optional.of(bad)),
                    bad.toString());
            assertThrows(
                    InvalidInputException.class,
                    () -> AccountSettings.DEFAULTS.withAutoFinishAfter(Optional.of(bad)),
                    bad.toString());
        }
        AccountSettings.DEFAULTS.withMaxKeyLifetime(Optional.of(Duration.ofSeconds(1)));
        AccountSettings.DEFAULTS.withMaxKeyLifetime(Optional.of(Duration.ofDays(36_500)));
    }

    @Test
    void withoutAMaximum_theExpiryIsAsAsked() {
        assertEquals(Optional.empty(), AccountSettings.DEFAULTS.expiryFor(Optional.empty(), NOW));
        Optional<Instant> far = Optional.of(NOW.plus(Duration.ofDays(10_000)));
        assertEquals(far, AccountSettings.DEFAULTS.expiryFor(far, NOW));
    }

    @Test
    void aMaximum_givesAnExpiryToAKeyWithout_andRefusesOneBeyondIt() {
        AccountSettings settings = AccountSettings.DEFAULTS.withMaxKeyLifetime(Optional.of(Duration.ofDays(90)));
        Instant latest = NOW.plus(Duration.ofDays(90));

        assertEquals(Optional.of(latest), settings.expiryFor(Optional.empty(), NOW));
        assertEquals(Optional.of(latest), settings.expiryFor(Optional.of(latest), NOW), "exactly the maximum");
        assertEquals(Optional.of(NOW.plusSeconds(60)), settings.expiryFor(Optional.of(NOW.plusSeconds(60)), NOW));
        InvalidInputException beyond = assertThrows(
                InvalidInputException.class, () -> settings.expiryFor(Optional.of(latest.plusNanos(1)), NOW));
        assertEquals(
                "the account's keys live at most P90D: an expiry must be at or before 2026-04-05T10:00:00Z, got"
                        + " 2026-04-05T10:00:00.000000001Z",
                beyond.getMessage());
    }
}
