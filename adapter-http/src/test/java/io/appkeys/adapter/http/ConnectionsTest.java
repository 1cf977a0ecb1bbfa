package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.AppToken;
import io.micronaut.http.server.HttpServerConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client cannot do to the server by how it uses connections: hold one open without sending (whole or
 * partial requests), or, knowing only an appKey, lock its owner out with wrong tokens from elsewhere.
 */
class ConnectionsTest {

    @TempDir
    static Path directory;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(TestDatabases.freshH2(directory));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aConnectionThatStopsSending_midRequestOrBetweenRequests_isClosed() throws Exception {
        try (TestServer impatient = new TestServer(
                        TestDatabases.freshH2(directory), Map.of("micronaut.server.idle-timeout", "1s"));
                Socket partial = new RawHttp(impatient.uri()).connect();
                Socket idle = new RawHttp(impatient.uri()).connect()) {
            partial.getOutputStream()
                    .write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));

            assertTrue(closedByServer(partial), "a partial request is dropped");
            assertTrue(closedByServer(idle), "an idle connection is dropped");
        }
    }

    @Test
    void aRequestDribbledAByteAtATime_isCutOffAtTheReadTimeout_whileAnIdleKeepAliveConnectionStays() throws Exception {
        try (TestServer strict =
                        new TestServer(TestDatabases.freshH2(directory), Map.of("appkeys.request-read-timeout", "1s"));
                Socket slow = new RawHttp(strict.uri()).connect();
                Socket keepAlive = new RawHttp(strict.uri()).connect()) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            slow.setSoTimeout(200);
            boolean closed = false;
            for (int i = 0; i < 100 && !closed; i++) {
                out.write("X-Slow: a\r\n".getBytes(StandardCharsets.US_ASCII));
                closed = readsEnd(slow);
            }
            assertTrue(closed, "the dribbled request was cut off");

            String request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            keepAlive.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            assertTrue(readResponse(keepAlive).startsWith("HTTP/1.1 200"));
            Thread.sleep(2_000);
            keepAlive.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            assertTrue(readResponse(keepAlive).startsWith("HTTP/1.1 200"), "idle between requests is fine");
        }
    }

    /** Whether the connection ended, waiting at most the socket's timeout for a sign of it. */
    private static boolean readsEnd(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** One response on a kept-alive connection: its head, and as much body as Content-Length says. */
    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return head.toString();
            }
            head.append((char) c);
        }
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

    @Test
    void theIdleTimeout_isThirtySecondsUnlessConfigured() {
        assertEquals(
                Duration.ofSeconds(30),
                server.bean(HttpServerConfiguration.class).getIdleTimeout());
    }

    @Test
    void someoneElsesWrongTokens_neverLockTheOwnerOut_evenBeforeItsPairIsCached() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials owner = tenant.keyWithRoles("owner", io.appkeys.core.domain.LicenseManager.OWNER);
        RawHttp attacker = new RawHttp(server.uri(), "127.0.0.2");
        Credentials guess = owner.withToken(
                AppToken.fromBody("Q".repeat(AppToken.BODY_LENGTH)).reveal());
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = attacker.send("GET", "/api/vlm/appkeys", Http.headers(guess), (String) null)
                    .status();
        }
        assertEquals(429, status, "the attacker's address is throttled");

        Reply reply = new RawHttp(server.uri(), "127.0.0.1")
                .send("GET", "/api/vlm/appkeys", Http.headers(owner), (String) null);

        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void forwardingHeaders_areIgnored_unlessTheyComeFromATrustedProxy() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials guess = tenant.admin.withToken(
                AppToken.fromBody("P".repeat(AppToken.BODY_LENGTH)).reveal());
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            Map<String, String> spoofed = new java.util.HashMap<>(Http.headers(guess));
            spoofed.put("X-Forwarded-For", "198.51.100." + i);
            status = new RawHttp(server.uri(), "127.0.0.3")
                    .send("GET", "/api/vlm/appkeys", spoofed, (String) null)
                    .status();
        }
        assertEquals(429, status, "a client cannot escape the throttle by naming another address");

        try (TestServer proxied =
                new TestServer(TestDatabases.freshH2(directory), Map.of("appkeys.trusted-proxies", "127.0.0.1"))) {
            Tenant behind = Tenant.create(proxied.appKeys());
            Credentials owner = behind.keyWithRoles("owner", io.appkeys.core.domain.LicenseManager.OWNER);
            Credentials wrong = owner.withToken(guess.appToken());
            RawHttp proxy = new RawHttp(proxied.uri());
            int attacker = 0;
            for (int i = 0; i < 30 && attacker != 429; i++) {
                attacker = proxy.send(
                                "GET", "/api/vlm/appkeys", withForwardedFor(wrong, "spoofed, 203.0.113.7"), (String)
                                        null)
                        .status();
            }
            assertEquals(429, attacker, "the address the proxy added is the one throttled");

            Reply created = proxy.send(
                    "POST",
                    "/api/vlm/appkeys",
                    withForwardedFor(owner, "203.0.113.7, 198.51.100.2"),
                    "{\"label\":\"from behind the proxy\"}");
            assertEquals(200, created.status(), created::toString);
            assertEquals(
                    "198.51.100.2",
                    behind
                            .appKeys
                            .readAuditLog(behind.master, io.appkeys.core.domain.PageRequest.first(1000))
                            .items()
                            .stream()
                            .filter(entry -> entry.event().target().contains("from behind the proxy"))
                            .findFirst()
                            .orElseThrow()
                            .event()
                            .origin());
        }
    }

    @Test
    void aForwardingHeaderWithoutTrustedProxies_orABadProxyRange_stopsTheServerFromStarting() {
        for (Map<String, Object> settings : List.<Map<String, Object>>of(
                Map.of("appkeys.client-address-header", "X-Real-IP"),
                Map.of("appkeys.trusted-proxies", "10.0.0.1/8"))) {
            RuntimeException refused = assertThrows(
                    RuntimeException.class,
                    () -> new TestServer(
                                    TestDatabases.freshH2(directory.resolve("refused-" + settings.size())), settings)
                            .close(),
                    settings::toString);
            Throwable cause = refused;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(
                    cause.getMessage().contains("trusted-proxies")
                            || cause.getMessage().contains("10.0.0.1/8"),
                    cause::toString);
        }
    }

    private static Map<String, String> withForwardedFor(Credentials as, String addresses) {
        Map<String, String> headers = new java.util.HashMap<>(Http.headers(as));
        headers.put("X-Forwarded-For", addresses);
        return headers;
    }

    /** Whether the server closes the connection (within the test's own socket timeout). */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // a 408 or any other bytes before the close are fine; the close is what counts
            }
            return true;
        } catch (SocketException reset) {
            return true;
        }
    }
}
