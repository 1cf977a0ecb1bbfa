package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx in front of a small upstream, configured by the documented {@code docs/gateway/nginx.conf}, with
 * AppKeys answering its {@code auth_request}: a key that holds the route's resource reaches the upstream, which
 * learns who called and never sees the token; a wrong token (401), a key without the resource (403) and a
 * throttled source (429) never reach it. Needs nginx on the machine ({@code apt-get install nginx}); skipped
 * without it, unless {@code APPKEYS_REQUIRE_NGINX=1}.
 */
class NginxGatewayTest {

    private static final ResourceName ORDERS_READ = new ResourceName("orders.read");
    private static final int THROTTLE_MAX_FAILURES = 3;

    @TempDir
    static Path directory;

    private static TestServer appKeys;
    private static Upstream upstream;
    private static Nginx nginx;

    private final Tenant tenant = Tenant.create(appKeys.appKeys());
    private final RawHttp client = new RawHttp(nginx.uri());

    @BeforeAll
    static void start() throws IOException {
        Path binary = Nginx.binary();
        appKeys = new TestServer(
                TestDatabases.freshH2(directory),
                Map.of("appkeys.trusted-proxies", "127.0.0.1", "appkeys.throttle-max-failures", THROTTLE_MAX_FAILURES));
        upstream = Upstream.start();
        nginx = Nginx.start(binary, directory.resolve("nginx"), appKeys.uri().getPort(), upstream.port());
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        if (appKeys != null) {
            appKeys.close();
        }
    }

    @Test
    void aKeyHoldingTheRoutesResource_reachesTheUpstream_whichLearnsWhoCalled_butNotTheToken() {
        Credentials reader = ordersReader();
        String metadata = "{\"plan\":\"gold\"}";
        Reply set =
                new Http(appKeys.uri()).put(KEYS + "/" + reader.id(), tenant.admin, "{\"metadata\":" + metadata + "}");
        assertEquals(200, set.status(), set::toString);
        Map<String, String> headers = new HashMap<>(Http.headers(reader));
        headers.put("X-AppKeys-Account", "someoneelse"); // what a client says of itself counts for nothing
        headers.put("X-AppKeys-Principal", "vtexappkey-someoneelse-ABCDEF");

        Reply reply = client.send("GET", "/orders/42?page=2", headers, (String) null);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("upstream: GET /orders/42?page=2", reply.body());
        Seen seen = upstream.last();
        assertEquals(List.of(tenant.name()), seen.headers().get("X-AppKeys-Account"));
        assertEquals(List.of(reader.appKey()), seen.headers().get("X-AppKeys-Principal"));
        String forwarded = seen.headers().getFirst("X-AppKeys-Metadata");
        assertNotNull(forwarded, "the key's metadata");
        assertEquals(metadata, new String(Base64.getUrlDecoder().decode(forwarded), StandardCharsets.UTF_8));
        assertEquals(reader.appKey(), seen.headers().getFirst("X-VTEX-API-AppKey"));
        assertFalse(seen.headers().containsKey("X-VTEX-API-AppToken"), "the token stays at the gateway");
    }

    @Test
    void aPost_reachesTheUpstreamWithItsBody_whileTheCheckIsAGetWithout() {
        Credentials reader = ordersReader();

        Reply reply = client.send("POST", "/orders/", Http.headers(reader), "{\"item\":7}");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("upstream: POST /orders/", reply.body());
        assertEquals("{\"item\":7}", upstream.last().body());
        assertNull(upstream.last().headers().getFirst("X-AppKeys-Metadata"), "a key without metadata");
    }

    @Test
    void aWrongToken_is401_andNeverReachesTheUpstream() {
        Credentials wrong = ordersReader().withToken(wellFormedWrongToken());
        int before = upstream.count();

        Reply reply = client.send("GET", "/orders/42", Http.headers(wrong), (String) null);

        assertEquals(401, reply.status(), reply::toString);
        assertEquals(before, upstream.count());
    }

    @Test
    void aKeyWithoutTheRoutesResource_is403_andNeverReachesTheUpstream() {
        ordersReader(); // the resource exists in the account, and another key holds it
        Credentials owner = tenant.keyWithRoles("owner", LicenseManager.OWNER); // every key right, no orders
        int before = upstream.count();

        Reply reply = client.send("GET", "/orders/42", Http.headers(owner), (String) null);

        assertEquals(403, reply.status(), reply::toString);
        assertEquals(before, upstream.count());
    }

    @Test
    void repeatedWrongTokens_are429WithRetryAfter_andNeverReachTheUpstream() {
        Credentials wrong = ordersReader().withToken(wellFormedWrongToken());
        int before = upstream.count();

        Reply reply = client.send("GET", "/orders/42", Http.headers(wrong), (String) null);
        for (int i = 0; i < THROTTLE_MAX_FAILURES + 2 && reply.status() == 401; i++) {
            reply = client.send("GET", "/orders/42", Http.headers(wrong), (String) null);
        }

        assertEquals(429, reply.status(), reply::toString);
        assertNotNull(reply.header("Retry-After"), "AppKeys' Retry-After, passed on");
        assertEquals(before, upstream.count());
    }

    @Test
    void theClientsAddress_reachesAppKeys_soAKeysNetworksHoldBehindTheGateway() {
        Credentials restricted = ordersReader();
        Reply set = new Http(appKeys.uri())
                .put(KEYS + "/" + restricted.id(), tenant.admin, "{\"allowedNetworks\":[\"127.0.0.7\"]}");
        assertEquals(200, set.status(), set::toString);

        Reply inside = client.from("127.0.0.7").send("GET", "/orders/1", Http.headers(restricted), (String) null);
        Reply outside = client.from("127.0.0.8").send("GET", "/orders/1", Http.headers(restricted), (String) null);

        assertEquals(200, inside.status(), inside::toString);
        assertEquals(401, outside.status(), outside::toString);
    }

    /** A new key holding only a role that grants {@code orders.read}, the resource the documented route needs. */
    private Credentials ordersReader() {
        if (tenant.appKeys.listResources(tenant.master).stream()
                .noneMatch(resource -> resource.name().equals(ORDERS_READ))) {
            tenant.appKeys.defineResource(tenant.master, new Resource(ORDERS_READ, "Orders", "Order data"));
        }
        Role reader = tenant.appKeys.listRoles(tenant.master).stream()
                .filter(role -> role.name().value().equals("Orders reader"))
                .findFirst()
                .orElseGet(() ->
                        tenant.appKeys.createRole(tenant.master, new RoleName("Orders reader"), Set.of(ORDERS_READ)));
        Credentials key = tenant.newKey("orders");
        tenant.appKeys.linkRoles(tenant.master, PrincipalRef.parse(key.appKey()), Set.of(reader.id()));
        return key;
    }

    private static String wellFormedWrongToken() {
        return AppToken.fromBody("W".repeat(AppToken.BODY_LENGTH)).reveal();
    }

    /** One request as the upstream received it. */
    record Seen(String method, String path, Headers headers, String body) {}

    /** The service behind nginx: answers every request with 200 and remembers it. */
    static final class Upstream implements AutoCloseable {

        private final HttpServer server;
        private final List<Seen> seen = new CopyOnWriteArrayList<>();

        private Upstream(HttpServer server) {
            this.server = server;
        }

        static Upstream start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            Upstream upstream = new Upstream(server);
            server.createContext("/", upstream::answer);
            server.start();
            return upstream;
        }

        private void answer(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().toString();
            seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
            byte[] answer = ("upstream: " + exchange.getRequestMethod() + " " + path).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }

        int port() {
            return server.getAddress().getPort();
        }

        int count() {
            return seen.size();
        }

        Seen last() {
            return seen.get(seen.size() - 1);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
