package io.appkeys.adapter.http;

import io.micronaut.context.exceptions.ConfigurationException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Which requests the access log writes, from {@code appkeys.access-log}: {@code on} (every one), {@code off} (none,
 * at no cost), or a fraction from 0 to 1 of requests chosen at random, plus every response of status 500 or more:
 * those are rare, and the ones an operator looks for. {@code 0} writes only those.
 */
final class AccessLogSampling {

    private static final String SETTING = "appkeys.access-log (APPKEYS_ACCESS_LOG)";
    private static final int SERVER_ERROR = 500;

    private final boolean off;
    private final double fraction;

    private AccessLogSampling(boolean off, double fraction) {
        this.off = off;
        this.fraction = fraction;
    }

    /** The setting's value read, or a {@link ConfigurationException} that says what is accepted. */
    static AccessLogSampling parse(String setting) {
        String value = setting.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("on")) { // set, but to nothing: as if not set
            return new AccessLogSampling(false, 1);
        }
        if (value.equals("off")) {
            return new AccessLogSampling(true, 0);
        }
        BigDecimal fraction = fraction(value);
        if (fraction == null || fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new ConfigurationException(SETTING + " must be on, off, or the fraction of requests to write, from 0"
                    + " to 1 (such as 0.1), got [" + setting + "]");
        }
        return new AccessLogSampling(false, fraction.doubleValue());
    }

    private static BigDecimal fraction(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** No request is written: the access log does no work at all. */
    boolean off() {
        return off;
    }

    /** Whether the request that got {@code status} is written, drawing from {@code random} only when sampling. */
    boolean writes(int status, RandomGenerator random) {
        if (off) {
            return false;
        }
        return fraction >= 1 || status >= SERVER_ERROR || random.nextDouble() < fraction;
    }
}
