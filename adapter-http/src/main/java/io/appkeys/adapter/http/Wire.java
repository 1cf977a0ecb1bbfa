package io.appkeys.adapter.http;

import java.time.Instant;
import java.util.Optional;

/** How instants travel: ISO-8601 in UTC, as VTEX's {@code 2018-07-04T14:09:08.2718405Z}. */
final class Wire {

    private Wire() {}

    static String time(Instant instant) {
        return instant.toString();
    }

    static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
