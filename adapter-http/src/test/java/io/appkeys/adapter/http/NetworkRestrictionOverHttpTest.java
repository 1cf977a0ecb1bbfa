package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.LicenseManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key's networks and metadata over HTTP, on a server behind a trusted proxy (127.0.0.1): the client address is
 * the hop the proxy saw, a header from any other peer is ignored, a caller outside the key's networks is refused
 * with the very bytes every other refusal gets, and {@code authz/check} returns the metadata on request.
 */
class NetworkRestrictionOverHttpTest {

    private static final String CHECK = "/api/authz/check?resource=ViewApiKeys";

    @TempDir
    static Path directory;

    private static TestServer server;

    private final Tenant tenant = Tenant.create(server.appKeys());
    private final RawHttp proxy = new RawHttp(server.uri()); // from 127.0.0.1, the trusted proxy
    private final RawHttp stranger = new RawHttp(server.uri(), "127.0.0.3");
    private final Http http = new Http(server.uri());

    @BeforeAll
    static void start() {
        server = new TestServer(TestDatabases.freshH2(directory), Map.of("appkeys.trusted-proxies", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRestrictedKey_passesFromItsNetworks_throughTheProxy_andIsRefusedFromElsewhere() {
        Credentials key = restrictedOwner("203.0.113.0/24", "2001:db8::/32");

        assertEquals(200, via(proxy, key, "203.0.113.7").status());
        assertEquals(200, via(proxy, key, "2001:db8::7").status());
        assertEquals(200, via(proxy, key, "192.0.2.1, 203.0.113.7").status(), "the hop the proxy saw decides");
        assertEquals(401, via(proxy, key, "203.0.113.7, 198.51.100.1").status());
        assertEquals(401, via(proxy, key, null).status(), "the proxy itself is outside the key's networks");
        assertEquals(401, via(stranger, key, "203.0.113.7").status(), "a spoofed header from another peer");
    }

    @Test
    void aRestriction_isSetListedShownAndLifted_overTheUpdate() {
        Credentials key = tenant.keyWithRoles("k", LicenseManager.OWNER);
        assertEquals(200, via(stranger, key, null).status()); // cached

        Reply restricted = http.put(KEYS + "/" + key.id(), tenant.admin, "{\"allowedNetworks\":[\"10.1.0.0/16\"]}");
        assertEquals(200, restricted.status(), restricted::toString);
        assertEquals(401, via(stranger, key, null).status(), "from the next request on");
        JsonNode shown = http.get(KEYS + "/" + key.id(), tenant.admin).json();
        assertEquals("[\"10.1.0.0/16\"]", shown.get("allowedNetworks").toString());
        JsonNode listed = item(http.get(KEYS, tenant.admin).json(), key.id());
        assertEquals("[\"10.1.0.0/16\"]", listed.get("allowedNetworks").toString());
        assertFalse(item(http.get(KEYS, tenant.admin).json(), tenant.admin.id()).has("allowedNetworks"));

        assertEquals(
                200,
                http.put(KEYS + "/" + key.id(), tenant.admin, "{\"allowedNetworks\":null}")
                        .status());
        assertEquals(200, via(stranger, key, null).status());
        assertEquals(
                "[]",
                http.get(KEYS + "/" + key.id(), tenant.admin)
                        .json()
                        .get("allowedNetworks")
                        .toString());
    }

    @Test
    void badNetworksOrMetadata_areRefused_andChangeNothing() {
        Credentials key = tenant.newKey("k");
        for (String body : List.of(
                "{\"allowedNetworks\":\"10.0.0.0/8\"}",
                "{\"allowedNetworks\":[\"10.0.0.1/8\"]}",
                "{\"allowedNetworks\":[\"example.com\"]}",
                "{\"allowedNetworks\":[8]}",
                "{\"metadata\":[1]}",
                "{\"metadata\":\"plan\"}",
                "{\"metadata\":{\"x\":\"" + "y".repeat(4100) + "\"}}",
                "{\"allowedNetworks\":[\"10.0.0.0/8\"],\"metadata\":7}")) {
            Reply reply = http.put(KEYS + "/" + key.id(), tenant.admin, body);
            assertEquals(400, reply.status(), body + " -> " + reply);
        }
        JsonNode shown = http.get(KEYS + "/" + key.id(), tenant.admin).json();
        assertEquals("[]", shown.get("allowedNetworks").toString());
        assertTrue(shown.get("metadata").isNull());
    }

    @Test
    void metadata_isShown_andReturnedByAuthzCheckOnRequest_inTheBodyAndAHeader() {
        Credentials key = tenant.keyWithRoles("k", LicenseManager.OWNER);
        String metadata = "{\"owner\":\"billing\",\"plan\":\"gold\",\"note\":\"caf\u00e9\"}";
        assertEquals(
                200,
                http.put(KEYS + "/" + key.id(), tenant.admin, "{\"metadata\":" + metadata + "}")
                        .status());

        assertEquals(
                metadata,
                http.get(KEYS + "/" + key.id(), tenant.admin)
                        .json()
                        .get("metadata")
                        .toString());
        Reply plain = http.get(CHECK, key);
        assertFalse(plain.body().contains("metadata"), plain::toString);
        for (int i = 0; i < 2; i++) { // the first from the filter, the second from the gateway's fast path
            Reply asked = http.get(CHECK + "&metadata=true", key);
            assertEquals(200, asked.status(), asked::toString);
            assertEquals(metadata, asked.json().get("metadata").toString());
            assertEquals(
                    metadata,
                    new String(
                            Base64.getUrlDecoder().decode(asked.header("X-AppKeys-Metadata")), StandardCharsets.UTF_8));
        }
        assertEquals(400, http.get(CHECK + "&metadata=yes", key).status());
        Reply none = http.get(CHECK + "&metadata=true", tenant.admin);
        assertTrue(none.json().get("metadata").isNull(), none::toString);
        assertEquals(null, none.header("X-AppKeys-Metadata"));
    }

    @Test
    void everyRefusal_isTheSameBytes_disallowedExpiredInactiveUnknownOrWrongToken() throws InterruptedException {
        Credentials restricted = restrictedOwner("203.0.113.0/24");
        Credentials expiring = tenant.keyWithRoles("expiring", LicenseManager.OWNER);
        Credentials inactive = tenant.keyWithRoles("inactive", LicenseManager.OWNER);
        http.put(KEYS + "/" + inactive.id(), tenant.admin, "{\"isActive\":false}");
        http.put(
                KEYS + "/" + expiring.id(),
                tenant.admin,
                "{\"expiresIn\":\"" + Instant.now().plusSeconds(1) + "\"}");
        Credentials unknown = new Credentials("x", "vtexappkey-" + tenant.name() + "-NOSUCH", expiring.appToken());
        Credentials wrong = tenant.keyWithRoles("wrong", LicenseManager.OWNER).withToken(inactive.appToken());
        Reply expired = via(proxy, expiring, "203.0.113.7");
        for (int i = 0; i < 50 && expired.status() != 401; i++) { // until the expiry has passed, at most 10 s
            Thread.sleep(200);
            expired = via(proxy, expiring, "203.0.113.7");
        }

        Map<String, Reply> refusals = new TreeMap<>(Map.of(
                "disallowed", via(proxy, restricted, "198.51.100.1"),
                "expired", expired,
                "inactive", via(proxy, inactive, "203.0.113.7"),
                "unknown", via(proxy, unknown, "203.0.113.7"),
                "wrong token", via(proxy, wrong, "203.0.113.7")));

        Reply first = refusals.get("disallowed");
        assertEquals(401, first.status(), first::toString);
        refusals.forEach((why, reply) -> {
            assertEquals(first.status(), reply.status(), why);
            assertEquals(comparable(first), comparable(reply), why);
            assertEquals(first.body(), reply.body(), why + ": byte for byte");
        });
    }

    private Credentials restrictedOwner(String... ranges) {
        Credentials key = tenant.keyWithRoles("restricted", LicenseManager.OWNER);
        String json = "{\"allowedNetworks\":[\"" + String.join("\",\"", ranges) + "\"]}";
        Reply set = http.put(KEYS + "/" + key.id(), tenant.admin, json);
        assertEquals(200, set.status(), set::toString);
        return key;
    }

    private static Reply via(RawHttp from, Credentials as, String forwardedFor) {
        Map<String, String> headers = new HashMap<>(Http.headers(as));
        if (forwardedFor != null) {
            headers.put("X-Forwarded-For", forwardedFor);
        }
        return from.send("GET", CHECK, headers, (String) null);
    }

    /** The response's headers but the date, which differs by the second. */
    private static Map<String, List<String>> comparable(Reply reply) {
        Map<String, List<String>> headers = new TreeMap<>();
        reply.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date")) {
                headers.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return headers;
    }

    private static JsonNode item(JsonNode keys, String id) {
        for (JsonNode item : keys) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no key " + id + " in " + keys);
    }
}
