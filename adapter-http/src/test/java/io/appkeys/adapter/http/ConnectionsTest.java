package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.AppToken;
import io.micronaut.http.server.HttpServerConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
        try (TestServer impatient = new TestServer(TestDatabases.freshH2(directory),
                        Map.of("micronaut.server.idle-timeout", "1s"));
                Socket partial = new RawHttp(impatient.uri()).connect();
                Socket idle = new RawHttp(impatient.uri()).connect()) {
            partial.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));

            assertTrue(closedByServer(partial), "a partial request is dropped");
            assertTrue(closedByServer(idle), "an idle connection is dropped");
        }
    }

    @Test
    void theIdleTimeout_isThirtySecondsUnlessConfigured() {
        assertEquals(Duration.ofSeconds(30), server.bean(HttpServerConfiguration.class).getIdleTimeout());
    }

    @Test
    void someoneElsesWrongTokens_neverLockTheOwnerOut_evenBeforeItsPairIsCached() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials owner = tenant.keyWithRoles("owner", io.appkeys.core.domain.LicenseManager.OWNER);
        RawHttp attacker = new RawHttp(server.uri(), "127.0.0.2");
        Credentials guess = owner.withToken(AppToken.fromBody("Q".repeat(AppToken.BODY_LENGTH)).reveal());
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = attacker.send("GET", "/api/vlm/appkeys", Http.headers(guess), (String) null).status();
        }
        assertEquals(429, status, "the attacker's address is throttled");

        Reply reply = new RawHttp(server.uri(), "127.0.0.1").send("GET", "/api/vlm/appkeys", Http.headers(owner),
                (String) null);

        assertEquals(200, reply.status(), reply::toString);
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
