package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.LicenseManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} after a scripted run, on a server of its own: each meter the operations guide lists is
 * there with the counts the run makes, and no label holds an appKey, an id or an account.
 */
class MetricsOverHttpTest {

    private static final String CHECK = "/api/authz/check?resource=";

    @TempDir
    Path directory;

    private DatabaseSettings store;
    private TestServer server;
    private Http http;
    private Tenant tenant;

    @BeforeEach
    void start() {
        store = TestDatabases.freshH2(directory);
        server = new TestServer(store, Map.of("appkeys.throttle-max-failures", 2));
        http = new Http(server.uri());
        tenant = Tenant.create(server.appKeys());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aScriptedRun_isCountedByEveryMeter_withoutAnyPerKeyLabel() {
        Credentials viewer = tenant.keyWithRoles("viewer", LicenseManager.OWNER);
        Credentials stranger = viewer.withToken(tenant.newKey("donor").appToken()); // well formed, not the viewer's
        Map<String, Double> before = scrape();

        for (int i = 0; i < 3; i++) { // the first is checked in full, the others answered from the cache
            assertEquals(200, http.get(CHECK + "ViewApiKeys", viewer).status());
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(403, http.get(CHECK + "Save_User", viewer).status());
        }
        assertEquals(
                200,
                http.send("HEAD", CHECK + "ViewApiKeys", Http.headers(viewer), null)
                        .status()); // nginx's
        assertEquals(401, http.get(CHECK + "ViewApiKeys", stranger).status());
        assertEquals(401, http.get(CHECK + "ViewApiKeys", stranger).status());
        assertEquals(429, http.get(CHECK + "ViewApiKeys", stranger).status()); // a third failure from one source
        assertEquals(401, http.get(CHECK + "ViewApiKeys", viewer.withToken("X")).status());
        Credentials unknown = new Credentials("none", "vtexappkey-" + tenant.name() + "-NOSUCH", viewer.appToken());
        assertEquals(401, http.get(CHECK + "ViewApiKeys", unknown).status());
        String id = UUID.randomUUID().toString();
        assertEquals(404, http.get("/api/vlm/appkeys/" + id, tenant.admin).status());
        assertEquals(404, http.get("/no/such/" + viewer.appKey(), tenant.admin).status());

        String text = http.send("GET", "/metrics", Map.of(), null).body();
        Map<String, Double> after = parse(text);
        Map<String, Double> delta = new HashMap<>();
        after.forEach((series, value) -> delta.put(series, value - before.getOrDefault(series, 0.0)));

        assertEquals(7, delta.get("appkeys_authentications_total{outcome=\"authenticated\",reason=\"none\"}"));
        assertEquals(2, delta.get("appkeys_authentications_total{outcome=\"rejected\",reason=\"wrong_token\"}"));
        assertEquals(1, delta.get("appkeys_authentications_total{outcome=\"rejected\",reason=\"malformed\"}"));
        assertEquals(1, delta.get("appkeys_authentications_total{outcome=\"rejected\",reason=\"unknown_key\"}"));
        assertEquals(0, delta.get("appkeys_authentications_total{outcome=\"rejected\",reason=\"inactive_key\"}"));
        assertEquals(1, delta.get("appkeys_authentications_total{outcome=\"throttled\",reason=\"none\"}"));
        assertEquals(0, delta.get("appkeys_authentications_total{outcome=\"overloaded\",reason=\"none\"}"));

        assertEquals(4, delta.get("appkeys_authz_checks_total{decision=\"allowed\"}"));
        assertEquals(2, delta.get("appkeys_authz_checks_total{decision=\"denied\"}"));
        assertEquals(4, delta.get("appkeys_authz_checks_total{decision=\"unauthenticated\"}"));
        assertEquals(1, delta.get("appkeys_authz_checks_total{decision=\"throttled\"}"));

        // hits: two allowed, two denied and the HEAD check; misses: the first check, three wrong tokens, the unknown
        // key, and
        // the admin's first request (/no/such is not under /api, so it authenticates nothing)
        assertEquals(5, delta.get("appkeys_cache_lookups_total{result=\"hit\"}"));
        assertEquals(6, delta.get("appkeys_cache_lookups_total{result=\"miss\"}"));
        assertTrue(after.get("appkeys_cache_size") >= 2);
        // Argon2: the viewer's first check, the two wrong tokens checked in full, and the admin's pair
        assertEquals(4, delta.get("appkeys_argon2_seconds_count"));
        assertTrue(delta.get("appkeys_argon2_seconds_sum") > 0);
        assertEquals(0, after.get("appkeys_hashing_active"));
        assertEquals(0, after.get("appkeys_hashing_waiting"));

        assertEquals(3, delta.get(request("200")));
        assertEquals(
                1,
                delta.get("http_server_requests_seconds_count{method=\"HEAD\",status=\"200\","
                        + "uri=\"/api/authz/check\"}"));
        assertEquals(2, delta.get(request("403")));
        assertEquals(4, delta.get(request("401")));
        assertEquals(1, delta.get(request("429")));
        assertTrue(
                text.contains("http_server_requests_seconds_bucket{method=\"GET\",status=\"200\","
                        + "uri=\"/api/authz/check\",le=\"0.001\"}"),
                "a latency histogram per route");
        assertEquals(
                1, delta.get("http_server_requests_seconds_count{method=\"GET\",status=\"404\",uri=\"NOT_FOUND\"}"));
        assertEquals(
                1,
                delta.get("http_server_requests_seconds_count{method=\"GET\",status=\"404\","
                        + "uri=\"/api/vlm/appkeys/{id}\"}"));

        assertEquals(0, after.get("appkeys_store_connections_active"));
        assertEquals(0, after.get("appkeys_store_connections_waiting"));
        assertEquals(store.maxPoolSize(), after.get("appkeys_store_connections_max"));
        assertTrue(after.get("appkeys_changes_lag_seconds") < 60);

        for (String secret : new String[] {viewer.appKey(), tenant.admin.appKey(), id, tenant.name()}) {
            assertFalse(text.contains(secret), "the scrape names " + secret);
        }
        assertFalse(text.contains(viewer.appToken().substring(0, 20)));
    }

    @Test
    void metricsOff_removesTheEndpoint_andTheRequestTimer() {
        server.close();
        server = new TestServer(TestDatabases.freshH2(directory.resolve("off")), Map.of("appkeys.metrics", false));
        http = new Http(server.uri());

        assertEquals(404, http.send("GET", "/metrics", Map.of(), null).status());
        assertEquals(200, http.send("GET", "/health", Map.of(), null).status());
    }

    private static String request(String status) {
        return "http_server_requests_seconds_count{method=\"GET\",status=\"" + status + "\",uri=\"/api/authz/check\"}";
    }

    private Map<String, Double> scrape() {
        Reply reply = http.send("GET", "/metrics", Map.of(), null);
        assertEquals(200, reply.status());
        assertTrue(reply.header("content-type").startsWith("text/plain"), reply.header("content-type"));
        return parse(reply.body());
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*\\})?) (\\S+)$");

    /** Each sample line of Prometheus's text format, by series (name and labels as written). */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }
}
