package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code APPKEYS_LOG_FORMAT} over the {@code logback.xml} that ships: {@code json} writes one JSON object per
 * line, {@code text} the pattern, and in both every token shape a caller logged, in a message, an argument or an
 * exception, is replaced.
 */
class LogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_TOKEN = "Q".repeat(128);
    private static final String SIGNED_TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ2dGV4YXBwa2V5In0.c2lnbmF0dXJlLXBhcnQ";

    @Test
    void jsonFormat_writesOneObjectPerLine_withTheEventsFields() throws Exception {
        ShippedLogback logback = ShippedLogback.with(Map.of("APPKEYS_LOG_FORMAT", "json"));
        Logger logger = logback.logger("io.appkeys.example");
        logger.info("first {}", "line");
        logger.warn("second\nline, \"quoted\"", new IllegalStateException("it broke"));

        List<String> lines = logback.lines();

        assertEquals(2, lines.size(), String.join("\n", lines));
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("INFO", first.get("level").asText());
        assertEquals("io.appkeys.example", first.get("loggerName").asText());
        assertEquals("first line", first.get("formattedMessage").asText());
        assertTrue(first.get("timestamp").isNumber());
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals("second\nline, \"quoted\"", second.get("formattedMessage").asText());
        assertEquals(
                "java.lang.IllegalStateException",
                second.at("/throwable/className").asText());
        assertEquals("it broke", second.at("/throwable/message").asText());
        assertTrue(logback.warnings().isEmpty(), logback.warnings()::toString);
    }

    @Test
    void jsonFormat_replacesTokenShapes_inMessagesArgumentsAndExceptions() throws Exception {
        ShippedLogback logback = ShippedLogback.with(Map.of("APPKEYS_LOG_FORMAT", "json"));
        logTokensTo(logback.logger("io.micronaut.http.server"));

        List<String> lines = logback.lines();

        assertEquals(2, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            JSON.readTree(line);
            assertNoToken(line);
        }
        JsonNode failure = JSON.readTree(lines.get(1));
        assertEquals(
                "refused [redacted] and [redacted]",
                failure.at("/throwable/message").asText());
        assertEquals("cause [redacted]", failure.at("/throwable/cause/message").asText());
        assertEquals(
                "request GET /keys/[redacted]?t=[redacted]",
                failure.get("formattedMessage").asText());
    }

    @Test
    void textFormat_replacesTokenShapes_inMessagesArgumentsAndExceptions() {
        ShippedLogback logback = ShippedLogback.with(Map.of());
        logTokensTo(logback.logger("io.micronaut.http.server"));

        String written = String.join("\n", logback.lines());

        assertNoToken(written);
        assertTrue(
                written.contains("WARN  [main] io.micronaut.http.server - request GET /keys/[redacted]?t=[redacted]"),
                written);
        assertTrue(written.contains("IllegalStateException: refused [redacted] and [redacted]"), written);
        assertTrue(written.contains("Caused by: java.lang.IllegalArgumentException: cause [redacted]"), written);
    }

    @Test
    void theFormat_isReadInEitherCase() throws Exception {
        ShippedLogback logback = ShippedLogback.with(Map.of("APPKEYS_LOG_FORMAT", " JSON "));
        logback.logger("io.appkeys.example").info("hello");

        assertEquals(
                "hello",
                JSON.readTree(logback.lines().get(0)).get("formattedMessage").asText());
    }

    @Test
    void anUnknownFormat_writesText_andSaysSo() {
        ShippedLogback logback = ShippedLogback.with(Map.of("APPKEYS_LOG_FORMAT", "yaml"));
        logback.logger("io.appkeys.example").info("still written");

        List<String> lines = logback.lines();

        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).endsWith(" INFO  [main] io.appkeys.example - still written"), lines.get(0));
        assertEquals(
                List.of("APPKEYS_LOG_FORMAT must be text or json, got [yaml]: logs are written as text"),
                logback.warnings());
    }

    /** Tokens where a framework's DEBUG line or an exception could carry them, as a careless client puts them. */
    private static void logTokensTo(Logger logger) {
        logger.info("token {} in a query", APP_TOKEN);
        logger.warn(
                "request GET /keys/{}?t={}",
                APP_TOKEN,
                SIGNED_TOKEN,
                new IllegalStateException(
                        "refused " + APP_TOKEN + " and " + SIGNED_TOKEN,
                        new IllegalArgumentException("cause " + SIGNED_TOKEN)));
    }

    private static void assertNoToken(String written) {
        assertFalse(written.contains(APP_TOKEN.substring(0, 40)), written);
        assertFalse(written.contains(SIGNED_TOKEN.substring(SIGNED_TOKEN.lastIndexOf('.'))), written);
        assertFalse(written.contains("eyJzdWIi"), written);
    }
}
