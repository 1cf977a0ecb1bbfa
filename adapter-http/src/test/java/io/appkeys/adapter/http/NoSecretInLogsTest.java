package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.LicenseManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No token reaches a log: a whole run with every logger at TRACE (as {@code APPKEYS_LOG_LEVEL=TRACE}
 * sets it), tokens placed where a careless client puts them (headers, paths, queries, bodies, the wrong
 * header), and no token in any line written, in text or in JSON, nor in any event that AppKeys' own code logged.
 */
class NoSecretInLogsTest {

    @TempDir
    Path directory;

    @Test
    void aFullRunAtTraceLevel_logsNoToken() {
        List<String> tokens = new ArrayList<>();
        List<String> signed = new ArrayList<>();
        Capture capture = Capture.start();
        try (TestServer server = new TestServer(TestDatabases.freshH2(directory))) {
            Http http = new Http(server.uri());
            Tenant tenant = Tenant.create(server.appKeys());
            tokens.add(tenant.admin.appToken());
            runTheStory(http, tenant, tokens);
            runTheSignedStory(http, tenant, signed);
            runTheConsoleStory(http, tenant, tokens, signed);
        } finally {
            capture.stop();
        }

        String written = capture.written();
        String ours = capture.eventsOf("io.appkeys");
        String json = capture.writtenAsJson();
        assertTrue(written.contains(" ACCESS GET /api/vlm/appkeys 200 "), "the access log was not captured");
        assertTrue(written.contains("TRACE"), "TRACE lines were not captured");
        assertTrue(ours.contains("io.appkeys.access"), "AppKeys' own events were not captured");
        assertTrue(json.contains("\"loggerName\":\"io.appkeys.access\""), "the access log was not written as JSON");
        for (String token : tokens) {
            assertEquals(128, token.length());
            assertFalse(written.contains(token.substring(0, 40)), "a token was written to the log");
            assertFalse(json.contains(token.substring(0, 40)), "a token was written to the log as JSON");
            assertFalse(ours.contains(token.substring(0, 40)), "AppKeys' own code logged a token");
        }
        assertFalse(signed.isEmpty());
        for (String token : signed) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            String claims = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
            assertFalse(written.contains(signature) || written.contains(claims), "a signed token was written");
            assertFalse(json.contains(signature) || json.contains(claims), "a signed token was written as JSON");
            assertFalse(ours.contains(signature) || ours.contains(claims), "AppKeys' own code logged a signed token");
        }
    }

    /** Signed tokens, obtained and then placed where a careless client puts them. */
    /** The admin console: a pair typed into its sign-in form, its session cookie, and tokens shown on its pages. */
    private static void runTheConsoleStory(Http http, Tenant tenant, List<String> tokens, List<String> signed) {
        Credentials key = tenant.keyWithRoles("console", LicenseManager.OWNER);
        tokens.add(key.appToken());
        new ConsoleClient(http).signIn(key.withToken(key.appToken() + "x"));
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(key);
        signed.add(browser.cookie());
        String created = browser.submit("/admin/keys/new", "/admin/keys", Map.of("label", "console made"))
                .body();
        java.util.regex.Matcher token =
                java.util.regex.Pattern.compile(">([A-Z]{100,})</textarea>").matcher(created);
        assertTrue(token.find(), created);
        tokens.add(token.group(1));
        browser.get("/admin/keys?label=" + key.appToken());
        browser.get("/admin/keys/" + token.group(1));
        browser.post("/admin/keys", Map.of("label", "no form token", "appToken", key.appToken()));
    }

    private static void runTheSignedStory(Http http, Tenant tenant, List<String> signed) {
        Credentials key = tenant.keyWithRoles("signed", LicenseManager.OWNER);
        String login = "{\"appkey\":\"" + key.appKey() + "\",\"apptoken\":\"" + key.appToken() + "\"}";
        String token = http.send("POST", VtexIdController.LOGIN_PATH, Map.of(), login)
                .json()
                .get("token")
                .asText();
        signed.add(token);
        http.send("GET", "/api/vlm/appkeys", Map.of(RequestCredentials.SIGNED_TOKEN, token), null);
        http.send(
                "GET",
                "/api/authz/check?resource=ViewApiKeys",
                Map.of("Cookie", "VtexIdclientAutCookie=" + token),
                null);
        http.send("POST", VtexIdController.VALIDATE_PATH, Map.of(), "{\"token\":\"" + token + "\"}");
        http.send("POST", VtexIdController.VALIDATE_PATH, Map.of(), "{\"token\":\"" + token + "x\"}");
        http.send("POST", VtexIdController.VALIDATE_PATH, Map.of(), "{\"token\": " + token + "}"); // bad JSON
        http.send("GET", "/api/vlm/appkeys?token=" + token, Map.of(RequestCredentials.SIGNED_TOKEN, token), null);
        http.send("GET", "/api/vlm/appkeys/" + token, Map.of(RequestCredentials.SIGNED_TOKEN, token), null);
        http.send("GET", "/api/vlm/appkeys", Map.of(RequestCredentials.SIGNED_TOKEN, token + "x"), null);
        http.send(
                "GET",
                "/api/vlm/appkeys",
                Map.of("X-VTEX-API-AppKey", key.appKey(), "X-VTEX-API-AppToken", token),
                null);
    }

    private static void runTheStory(Http http, Tenant tenant, List<String> tokens) {
        Credentials admin = tenant.admin;
        Credentials created = HttpStory.credentialsOf(http.post("/api/vlm/appkeys", admin, "{\"label\":\"logged\"}"));
        tokens.add(created.appToken());
        http.put(
                "/api/license-manager/users/" + created.appKey() + "/roles",
                admin,
                "[" + tenant.roleId(LicenseManager.OWNER) + "]");
        http.get("/api/vlm/appkeys", created);
        http.get("/api/authz/check?resource=ViewApiKeys", created);
        http.get("/api/authz/check?resource=Save_User", created);

        Reply renewed = http.patch("/api/vtexid/apikey/" + created.appKey() + "/apitoken/renew", admin);
        String newToken = renewed.json().get("newToken").asText();
        tokens.add(newToken);
        http.get("/api/vlm/appkeys", created.withToken(newToken));
        http.patch("/api/vtexid/apikey/" + created.appKey() + "/apitoken/renew", admin);
        http.patch("/api/vtexid/apikey/" + created.appKey() + "/apitoken/finish-renewal", admin);

        String secret = created.appToken();
        http.get("/api/vlm/appkeys", created); // the old token, now refused
        http.get("/api/vlm/appkeys", admin.withToken(secret)); // another key's token
        http.get("/api/vlm/appkeys", admin.withToken(secret.substring(1) + "A")); // malformed
        http.send(
                "GET",
                "/api/vlm/appkeys",
                Map.of("X-VTEX-API-AppKey", secret, "X-VTEX-API-AppToken", admin.appToken()),
                null); // the token in the wrong header
        http.get("/api/vlm/appkeys/" + secret, admin); // in a path
        http.get("/api/vtexid/apikey/" + secret + "/apitoken/renew", admin); // in a path, wrong method
        http.patch("/api/vtexid/apikey/" + secret + "/apitoken/renew", admin);
        http.get("/api/vlm/appkeys?token=" + secret, admin); // in a query
        http.get("/api/authz/check?resource=" + secret, admin);
        http.post("/api/vlm/appkeys", admin, "{\"label\":\"" + secret + "\"}"); // over-long label
        http.post("/api/vlm/appkeys", admin, "{\"label\": " + secret + "}"); // bad JSON
        http.put("/api/license-manager/users/" + secret + "/roles", admin, "[1]");
        Map<String, String> big = new LinkedHashMap<>(Http.headers(admin));
        big.put("X-Padding", secret.repeat(80));
        http.send("GET", "/api/vlm/appkeys", big, null); // oversized headers
        for (int i = 0; i < 12; i++) {
            http.get("/api/vlm/appkeys", admin.withToken(newToken)); // throttled in the end
        }
        http.get("/health", null);
    }

    /**
     * Every logging event at TRACE, plus whatever reaches standard output and error, for the duration; what is
     * printed is kept for the test and not shown.
     */
    private static final class Capture {

        private static final String ACCESS = "io.appkeys.access";
        private static final ObjectMapper JSON = new ObjectMapper();

        private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        private final ListAppender<ILoggingEvent> events = new ListAppender<>();
        private final Map<Logger, Level> levels = new HashMap<>();
        private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;

        static Capture start() {
            Capture capture = new Capture();
            capture.begin();
            return capture;
        }

        private void begin() {
            for (String name : List.of(Logger.ROOT_LOGGER_NAME, ACCESS)) {
                Logger logger = context.getLogger(name);
                levels.put(logger, logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
            events.setContext(context);
            events.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(events);
            context.getLogger(ACCESS).addAppender(events); // it does not pass its lines up to the root
            // kept, not passed on: thousands of TRACE lines would bury the build's output
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        }

        void stop() {
            awaitQuiet();
            System.setOut(out);
            System.setErr(err);
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(events);
            context.getLogger(ACCESS).detachAppender(events);
            levels.forEach(Logger::setLevel);
        }

        /** What the appenders wrote, as an operator would read it. */
        String written() {
            synchronized (printed) {
                return printed.toString(StandardCharsets.UTF_8);
            }
        }

        /**
         * Every event captured, written again as {@code APPKEYS_LOG_FORMAT=json} writes it; each line must be one
         * JSON object.
         */
        String writtenAsJson() {
            ShippedLogback json = ShippedLogback.with(Map.of("APPKEYS_LOG_FORMAT", "json"));
            events.list.forEach(json::write);
            List<String> lines = json.lines();
            assertEquals(events.list.size(), lines.size(), "an event was not written as one line");
            for (String line : lines) {
                try {
                    assertTrue(JSON.readTree(line).isObject(), line);
                } catch (JsonProcessingException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
            return String.join("\n", lines);
        }

        /** The events of loggers under {@code prefix}, before any appender formats them. */
        String eventsOf(String prefix) {
            StringBuilder all = new StringBuilder();
            for (ILoggingEvent event : events.list) {
                if (!event.getLoggerName().startsWith(prefix)) {
                    continue;
                }
                all.append(event.getLoggerName())
                        .append(' ')
                        .append(event.getFormattedMessage())
                        .append('\n');
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    all.append(t.getClassName())
                            .append(": ")
                            .append(t.getMessage())
                            .append('\n');
                    for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                        all.append(frame.getSTEAsString()).append('\n');
                    }
                }
            }
            return all.toString();
        }

        /** The console sits behind an asynchronous queue: wait (boundedly) until it has written everything. */
        private void awaitQuiet() {
            int last = -1;
            for (int i = 0; i < 50; i++) {
                int now;
                synchronized (printed) {
                    now = printed.size();
                }
                if (now == last) {
                    return;
                }
                last = now;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
