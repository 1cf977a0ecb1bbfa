package io.appkeys.core.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Reads the time at the precision every store keeps (microseconds), so what is read back equals what was written. */
final class Moments {

    private Moments() {}

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
