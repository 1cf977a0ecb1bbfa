package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.KeyUsage;

/** A key's successful authentications per hour, kept for the usage retention; needs what viewing keys needs. */
public interface GetKeyUsageUseCase {

    /** The most hours one reading gives: 90 days. */
    int MAX_HOURS = 90 * 24;

    /**
     * The key's uses in each of the last {@code hours} hours (the current one included), with its 24-hour and
     * 7-day totals.
     *
     * @throws io.appkeys.core.domain.InvalidInputException when {@code hours} is not between 1 and {@link #MAX_HOURS}
     */
    KeyUsage keyUsage(Caller caller, KeyRef key, int hours);
}
