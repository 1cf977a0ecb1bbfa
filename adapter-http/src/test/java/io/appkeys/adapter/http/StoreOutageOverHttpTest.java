package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static io.appkeys.adapter.http.HttpStory.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.adapter.persistence.CuttableDatabase;
import io.appkeys.core.domain.LicenseManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A store that goes away: 503 with Retry-After while it is gone, readiness 503 and liveness still 200, and service
 * again without a restart once it is back, for the API and the console alike. The test cuts a store of its own, never
 * the shared one.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class StoreOutageOverHttpTest extends OverHttp {

    StoreOutageOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void aCutStore_gives503WithRetryAfter_andServiceResumesWithoutRestart() {
        try (CuttableDatabase cuttable = served.store().cuttable();
                // each call during the cut waits out the store's connection timeout before its 503
                TestServer own = new TestServer(cuttable.settings().withConnectionTimeout(Duration.ofSeconds(1)))) {
            Http client = new Http(own.uri());
            Tenant mine = Tenant.create(own.appKeys());
            Credentials unseen = mine.keyWithRoles("unseen", LicenseManager.OWNER);
            assertEquals(200, client.get(KEYS, mine.admin).status());
            ConsoleClient console = new ConsoleClient(client);
            console.signIn(mine.admin);
            String csrf = ConsoleClient.csrf(console.get("/admin/keys").body()).orElseThrow();
            ConsoleClient leaving = new ConsoleClient(client);
            leaving.signIn(mine.admin);
            String leavingCsrf =
                    ConsoleClient.csrf(leaving.get("/admin/keys").body()).orElseThrow();

            assertEquals(200, client.get("/health/readiness", null).status());

            cuttable.cut();
            Reply notReady = client.get("/health/readiness", null);
            assertEquals(503, notReady.status(), notReady::toString);
            assertEquals("{\"status\":\"DOWN\"}", notReady.body());
            assertEquals(200, client.get("/health/liveness", null).status(), "the process lives on");
            assertEquals(200, client.get("/health", null).status());
            Reply down = client.get(KEYS, mine.admin);
            Reply write = client.post(KEYS, mine.admin, "{\"label\":\"during the outage\"}");
            Reply authentication = client.get(KEYS, unseen);
            for (Reply reply : List.of(down, write, authentication)) {
                assertEquals(503, reply.status(), reply::toString);
                assertProblem(reply, 503);
                assertNotNull(reply.header("Retry-After"), reply::toString);
            }
            Reply consolePage = console.get("/admin/keys");
            Reply consoleWrite =
                    console.post("/admin/keys", Map.of("label", "console during the outage", "csrf", csrf));
            Reply signIn = new ConsoleClient(client)
                    .post("/admin/sign-in", Map.of("appKey", unseen.appKey(), "appToken", unseen.appToken()));
            for (Reply reply : List.of(consolePage, consoleWrite, signIn)) {
                assertEquals(503, reply.status(), reply::toString);
                assertTrue(reply.header("Content-Type").startsWith("text/html"), "a page, as the console's others");
                assertTrue(reply.body().contains("cannot be reached"), reply::toString);
                assertNotNull(reply.header("Retry-After"), reply::toString);
            }

            assertEquals("/admin/keys", console.get("/admin").header("Location"), "no store asked on the way");
            assertEquals(200, new ConsoleClient(client).get("/admin/sign-in").status(), "the form, for later");
            Reply signedOut = leaving.post("/admin/sign-out", Map.of("csrf", leavingCsrf));
            assertEquals(303, signedOut.status(), "signing out needs no store: " + signedOut);
            assertTrue(signedOut.header("Set-Cookie").contains("Max-Age=0"), signedOut::toString);

            cuttable.restore();
            eventually200(() -> client.get("/health/readiness", null));
            Reply back = eventually200(() -> client.get(KEYS, mine.admin));
            assertFalse(back.body().contains("during the outage"), "a write refused during the outage was kept");
            Reply consoleBack = eventually200(() -> console.get("/admin/keys"));
            assertFalse(consoleBack.body().contains("console during the outage"), consoleBack::toString);
            assertEquals(200, client.get(KEYS, unseen).status());
            assertEquals(
                    200, client.post(KEYS, mine.admin, "{\"label\":\"after\"}").status());
        }
    }

    /** The store's pool may need a moment to notice the database is back; a bounded number of tries. */
    private static Reply eventually200(Supplier<Reply> call) {
        Reply reply = call.get();
        for (int attempt = 0; attempt < 20 && reply.status() != 200; attempt++) {
            sleep(250);
            reply = call.get();
        }
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
