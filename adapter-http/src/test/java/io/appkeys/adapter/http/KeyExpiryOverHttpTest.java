package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A key's expiry over HTTP: set at creation or by the update, cleared with null, shown in lists only for a key
 * that expires (a key that does not looks as VTEX's), and an expired key refused with the very bytes an inactive
 * one gets.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class KeyExpiryOverHttpTest extends OverHttp {

    KeyExpiryOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void anExpiry_isSetAtCreation_changedAndCleared_andListedForThatKeyOnly() {
        Instant expires = Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);
        Reply created = http.post(KEYS, tenant.admin, "{\"label\":\"expiring\",\"expiresIn\":\"" + expires + "\"}");
        assertEquals(200, created.status(), created::toString);
        VtexSchemas.assertMatches("create-appkey", created);
        assertEquals(expires.toString(), created.json().get("expiresIn").asText());
        assertFalse(created.json().get("expired").asBoolean());
        String id = created.json().get("id").asText();

        Instant later = expires.plus(Duration.ofDays(1));
        assertEquals(
                200,
                http.put(KEYS + "/" + id, tenant.admin, "{\"expiresIn\":\"" + later + "\"}")
                        .status());
        Reply listed = http.get(KEYS, tenant.admin);
        VtexSchemas.assertMatches("list-appkeys", listed);
        assertEquals(later.toString(), item(listed, id).get("expiresIn").asText());
        assertFalse(item(listed, tenant.admin.id()).has("expiresIn"), "a key that does not expire looks as VTEX's");
        Reply account = http.get(HttpStory.ACCOUNT, tenant.admin);
        VtexSchemas.assertMatches("account", account);
        assertEquals(
                later.toString(),
                item(account.json().get("appKeys"), id).get("expiresIn").asText());
        assertTrue(item(account.json().get("appKeys"), tenant.admin.id())
                .get("appToken")
                .isNull());
        assertFalse(item(account.json().get("appKeys"), tenant.admin.id()).has("expiresIn"));

        assertEquals(
                200,
                http.put(KEYS + "/" + id, tenant.admin, "{\"expiresIn\":null}").status());
        assertFalse(item(http.get(KEYS, tenant.admin), id).has("expiresIn"));
    }

    @Test
    void anExpiryInThePast_orNotAnInstant_orAnUpdateOfNothing_isBadInput() {
        Credentials key = tenant.newKey("k");
        for (Reply reply : List.of(
                http.post(KEYS, tenant.admin, "{\"label\":\"x\",\"expiresIn\":\"2001-01-01T00:00:00Z\"}"),
                http.post(KEYS, tenant.admin, "{\"label\":\"x\",\"expiresIn\":\"in 90 days\"}"),
                http.post(KEYS, tenant.admin, "{\"label\":\"x\",\"expiresIn\":90}"),
                http.put(KEYS + "/" + key.id(), tenant.admin, "{}"),
                http.put(KEYS + "/" + key.id(), tenant.admin, "{\"expiresIn\":\"yesterday\"}"),
                http.put(
                        KEYS + "/" + key.id(),
                        tenant.admin,
                        "{\"expiresIn\":\"" + Instant.now().plusSeconds(3600) + "\",\"isActive\":\"no\"}"))) {
            assertEquals(400, reply.status(), reply::toString);
        }
        assertFalse(item(http.get(KEYS, tenant.admin), key.id()).has("expiresIn"), "a bad member changed nothing");
    }

    @Test
    void anExpiredKey_isRefusedWithTheBytesAnInactiveKeyGets() throws InterruptedException {
        Credentials expiring = tenant.keyWithRoles("expiring", LicenseManager.OWNER);
        Credentials inactive = tenant.keyWithRoles("inactive", LicenseManager.OWNER);
        assertEquals(200, http.get(KEYS, expiring).status()); // cached
        assertEquals(
                200,
                http.put(KEYS + "/" + inactive.id(), tenant.admin, "{\"isActive\":false}")
                        .status());
        Instant soon = Instant.now().plusSeconds(1);
        assertEquals(
                200,
                http.put(KEYS + "/" + expiring.id(), tenant.admin, "{\"expiresIn\":\"" + soon + "\"}")
                        .status());

        Reply expired = http.get(KEYS, expiring);
        for (int i = 0; i < 50 && expired.status() == 200; i++) { // until the instant has passed, at most 10 s
            Thread.sleep(200);
            expired = http.get(KEYS, expiring);
        }

        Reply deactivated = http.get(KEYS, inactive);
        assertEquals(401, expired.status(), expired::toString);
        assertEquals(deactivated.status(), expired.status());
        assertEquals(deactivated.header("Content-Type"), expired.header("Content-Type"));
        assertEquals(deactivated.body(), expired.body(), "byte for byte");
        assertTrue(
                item(http.get(KEYS, tenant.admin), expiring.id()).get("expired").asBoolean());
    }

    private static JsonNode item(Reply list, String id) {
        return item(list.json(), id);
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
