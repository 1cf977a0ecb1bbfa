package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.appkeys.adapter.persistence.CuttableDatabase;
import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The access log of a running server, written by the {@code logback.xml} that ships: the text line as it has
 * always been, a JSON object with the request's parts as fields, and {@code appkeys.access-log} turning it off or
 * sampling it.
 */
class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void textFormat_writesOneLinePerRequest() {
        List<Credentials> key = new ArrayList<>();
        List<String> lines = accessLines(Map.of(), Map.of(), (http, tenant) -> {
            key.add(tenant.admin);
            http.get(HttpStory.KEYS, tenant.admin);
        });

        assertEquals(1, lines.size(), lines::toString);
        String line = lines.get(0);
        String expected =
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ACCESS GET /api/vlm/appkeys 200 \\d+us appKey="
                        + key.get(0).appKey();
        assertTrue(line.matches(expected), line);
    }

    @Test
    void jsonFormat_writesEachRequestAsOneObject_withItsPartsAsFields() throws Exception {
        List<Credentials> key = new ArrayList<>();
        List<Integer> status = new ArrayList<>();
        List<String> lines = accessLines(Map.of("APPKEYS_LOG_FORMAT", "json"), Map.of(), (http, tenant) -> {
            key.add(tenant.admin);
            status.add(http.get(HttpStory.KEYS + "/" + "Q".repeat(128), tenant.admin)
                    .status());
        });

        assertEquals(1, lines.size(), lines::toString);
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals("io.appkeys.access", line.get("loggerName").asText());
        assertEquals("INFO", line.get("level").asText());
        JsonNode fields = line.get("kvpList");
        assertEquals("GET", fields.at("/0/method").asText());
        assertEquals("/api/vlm/appkeys/[redacted]", fields.at("/1/path").asText());
        assertEquals(String.valueOf(status.get(0)), fields.at("/2/status").asText());
        assertTrue(fields.at("/3/micros").asText().matches("\\d+"), fields::toString);
        assertEquals(key.get(0).appKey(), fields.at("/4/appKey").asText());
        assertEquals(
                "GET /api/vlm/appkeys/[redacted] " + status.get(0) + " "
                        + fields.at("/3/micros").asText() + "us appKey="
                        + key.get(0).appKey(),
                line.get("formattedMessage").asText());
    }

    @Test
    void off_writesNoLine() {
        List<String> lines = accessLines(Map.of(), Map.of("appkeys.access-log", "off"), (http, tenant) -> {
            http.get(HttpStory.KEYS, tenant.admin);
            http.get("/api/nowhere", tenant.admin);
            http.get("/health", null);
        });

        assertEquals(List.of(), lines);
    }

    @Test
    void zero_writesNoRequestThatDidNotFailOnTheServer() {
        List<String> lines = accessLines(Map.of(), Map.of("appkeys.access-log", "0"), (http, tenant) -> {
            assertEquals(200, http.get(HttpStory.KEYS, tenant.admin).status());
            assertEquals(404, http.get("/api/nowhere", tenant.admin).status());
        });

        assertEquals(List.of(), lines);
    }

    @Test
    void zero_stillWritesServerErrors() {
        try (CuttableDatabase store = CuttableDatabase.h2(directory)) {
            List<String> lines =
                    accessLines(Map.of(), store.settings(), Map.of("appkeys.access-log", "0"), (http, tenant) -> {
                        assertEquals(200, http.get(HttpStory.KEYS, tenant.admin).status());
                        store.cut();
                        assertEquals(503, http.get("/health/readiness", null).status());
                        store.restore();
                    });

            assertEquals(1, lines.size(), lines::toString);
            assertTrue(lines.get(0).contains(" ACCESS GET /health/readiness 503 "), lines.get(0));
        }
    }

    @Test
    void theAccessLogsLevel_isNotTakenForTheSetting() {
        // APPKEYS_ACCESS_LOG_LEVEL reaches Micronaut as appkeys.access-log.level, among other spellings
        List<String> lines = accessLines(
                Map.of(),
                Map.of("appkeys.access-log.level", "INFO"),
                (http, tenant) -> http.get(HttpStory.KEYS, tenant.admin));

        assertEquals(1, lines.size(), lines::toString);
    }

    @Test
    void anInvalidSetting_stopsTheStart_sayingWhatIsAccepted() {
        RuntimeException error = assertThrows(
                RuntimeException.class,
                () -> new TestServer(TestDatabases.freshH2(directory), Map.of("appkeys.access-log", "sometimes"))
                        .close());

        StringBuilder messages = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(
                messages.toString()
                        .contains("appkeys.access-log (APPKEYS_ACCESS_LOG) must be on, off, or the fraction of"
                                + " requests to write, from 0 to 1 (such as 0.1), got [sometimes]"),
                messages::toString);
    }

    /**
     * The access lines of a server with {@code settings}, written through the shipped configuration with
     * {@code environment} while {@code requests} run: the server's access logger, at INFO for the duration, hands
     * its events to that configuration instead of the build's output.
     */
    private List<String> accessLines(Map<String, String> environment, Map<String, Object> settings, Requests requests) {
        return accessLines(environment, TestDatabases.freshH2(directory), settings, requests);
    }

    private static List<String> accessLines(
            Map<String, String> environment, DatabaseSettings store, Map<String, Object> settings, Requests requests) {
        ShippedLogback logback = ShippedLogback.with(environment);
        Logger access = (Logger) LoggerFactory.getLogger(ShippedLogback.ACCESS);
        Level level = access.getLevel();
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        access.iteratorForAppenders().forEachRemaining(appenders::add);
        Appender<ILoggingEvent> forward = new Forward(logback::write);
        forward.start();
        appenders.forEach(access::detachAppender);
        access.addAppender(forward);
        access.setLevel(Level.INFO);
        try (TestServer server = new TestServer(store, settings)) {
            Tenant tenant = Tenant.create(server.appKeys());
            requests.run(new Http(server.uri()), tenant);
        } finally {
            access.setLevel(level);
            access.detachAppender(forward);
            appenders.forEach(access::addAppender);
        }
        return logback.lines();
    }

    @FunctionalInterface
    private interface Requests {
        void run(Http http, Tenant tenant);
    }

    private static final class Forward extends AppenderBase<ILoggingEvent> {

        private final Consumer<ILoggingEvent> to;

        Forward(Consumer<ILoggingEvent> to) {
            this.to = to;
        }

        @Override
        protected void append(ILoggingEvent event) {
            to.accept(event);
        }
    }
}
