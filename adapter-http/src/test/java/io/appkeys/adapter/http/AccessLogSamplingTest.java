package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which requests the access log writes, for each value of {@code appkeys.access-log}, with the draws fixed. */
class AccessLogSamplingTest {

    /** A source that must not be drawn from. */
    private static final RandomGenerator NO_DRAW = () -> {
        throw new AssertionError("drew a number where none was needed");
    };

    @ParameterizedTest
    @ValueSource(strings = {"on", "ON", " on ", "", "1", "1.0"})
    void on_writesEveryRequest_withoutDrawing(String setting) {
        AccessLogSampling sampling = AccessLogSampling.parse(setting);

        assertFalse(sampling.off());
        assertTrue(sampling.writes(200, NO_DRAW));
        assertTrue(sampling.writes(401, NO_DRAW));
        assertTrue(sampling.writes(503, NO_DRAW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "Off"})
    void off_writesNothing_notEvenServerErrors(String setting) {
        AccessLogSampling sampling = AccessLogSampling.parse(setting);

        assertTrue(sampling.off());
        assertFalse(sampling.writes(200, NO_DRAW));
        assertFalse(sampling.writes(500, NO_DRAW));
    }

    @Test
    void aFraction_writesTheRequestsWhoseDrawFallsBelowIt() {
        AccessLogSampling sampling = AccessLogSampling.parse("0.25");

        assertFalse(sampling.off());
        assertTrue(sampling.writes(200, drawing(0.0)));
        assertTrue(sampling.writes(404, drawing(0.2499)));
        assertFalse(sampling.writes(200, drawing(0.25)));
        assertFalse(sampling.writes(401, drawing(0.9999)));
    }

    @Test
    void aFraction_writesEveryServerError_withoutDrawing() {
        AccessLogSampling sampling = AccessLogSampling.parse("0.25");

        assertTrue(sampling.writes(500, NO_DRAW));
        assertTrue(sampling.writes(503, NO_DRAW));
    }

    @Test
    void zero_writesServerErrorsOnly() {
        AccessLogSampling sampling = AccessLogSampling.parse("0");

        assertFalse(sampling.off());
        assertFalse(sampling.writes(200, drawing(0.0)));
        assertFalse(sampling.writes(499, drawing(0.0)));
        assertTrue(sampling.writes(500, NO_DRAW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sometimes", "true", "1.5", "-0.1", "NaN", "10%", "0,5"})
    void anyOtherValue_isRefused_sayingWhatIsAccepted(String setting) {
        ConfigurationException error =
                assertThrows(ConfigurationException.class, () -> AccessLogSampling.parse(setting));

        assertEquals(
                "appkeys.access-log (APPKEYS_ACCESS_LOG) must be on, off, or the fraction of requests to write, from 0"
                        + " to 1 (such as 0.1), got [" + setting + "]",
                error.getMessage());
    }

    /** A source whose every draw is {@code value}. */
    private static RandomGenerator drawing(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
