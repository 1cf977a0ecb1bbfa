package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.ACCOUNT;
import static io.appkeys.adapter.http.HttpStory.KEYS;
import static io.appkeys.adapter.http.HttpStory.LOGINS;
import static io.appkeys.adapter.http.HttpStory.ROLES;
import static io.appkeys.adapter.http.HttpStory.USERS;
import static io.appkeys.adapter.http.HttpStory.appKeysIn;
import static io.appkeys.adapter.http.HttpStory.assertProblem;
import static io.appkeys.adapter.http.HttpStory.credentialsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys over HTTP: made with their token shown once, forbidden until a role is linked, deactivated to the same 401 as
 * any other refusal, deleted.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class AppKeysOverHttpTest extends OverHttp {

    AppKeysOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void createKey_returnsItsTokenOnce_andListsNeverShowIt() {
        Reply created = http.post(KEYS, tenant.admin, "{\"label\":\"orders sync\"}");

        assertEquals(200, created.status(), created::toString);
        VtexSchemas.assertMatches("create-appkey", created);
        JsonNode key = created.json();
        assertEquals("orders sync", key.get("label").asText());
        assertTrue(key.get("isActive").asBoolean());
        assertTrue(key.get("appKey").asText().startsWith("vtexappkey-" + tenant.name() + "-"));
        String token = key.get("appToken").asText();
        assertEquals(128, token.length());
        assertEquals("no-store", created.header("Cache-Control"));

        Reply list = http.get(KEYS, tenant.admin);
        assertEquals(200, list.status(), list::toString);
        VtexSchemas.assertMatches("list-appkeys", list);
        assertTrue(appKeysIn(list.json()).contains(key.get("appKey").asText()));
        assertFalse(list.body().contains(token));

        Reply account = http.get(ACCOUNT, tenant.admin);
        assertEquals(200, account.status(), account::toString);
        VtexSchemas.assertMatches("account", account);
        assertEquals(tenant.name(), account.json().get("accountName").asText());
        assertTrue(appKeysIn(account.json().get("appKeys"))
                .contains(key.get("appKey").asText()));
        assertFalse(account.body().contains(token));
    }

    @Test
    void newKey_isForbiddenEverywhere_untilARoleIsLinked_thenAllowed() {
        Credentials fresh = credentialsOf(http.post(KEYS, tenant.admin, "{\"label\":\"fresh\"}"));
        Credentials other = tenant.newKey("other");
        Map<String, Supplier<Reply>> calls = everyEndpointAs(fresh, other);

        calls.forEach((what, call) -> {
            Reply reply = call.get();
            assertEquals(403, reply.status(), () -> what + " -> " + reply);
            assertProblem(reply, 403);
        });

        Reply linked = http.put(
                USERS + "/" + fresh.appKey() + "/roles",
                tenant.admin,
                "[" + tenant.roleId(LicenseManager.OWNER) + "," + tenant.roleId(LicenseManager.USER_ADMINISTRATOR)
                        + "]");
        assertEquals(204, linked.status(), linked::toString);

        for (String read : List.of(
                "GET " + KEYS,
                "GET " + ACCOUNT,
                "GET " + LOGINS,
                "GET " + ROLES,
                "GET user roles",
                "GET authz/check")) {
            Reply reply = calls.get(read).get();
            assertEquals(200, reply.status(), () -> read + " -> " + reply);
        }
    }

    @Test
    void deactivatedKey_getsTheSame401_asAnUnknownKey_aWrongTokenAndAMalformedValue() {
        Credentials subject = tenant.keyWithRoles("subject", LicenseManager.OWNER);
        assertEquals(200, http.get(KEYS, subject).status());

        Reply deactivated = http.put(KEYS + "/" + subject.id(), tenant.admin, "{\"isActive\":false}");
        assertEquals(200, deactivated.status(), deactivated::toString);

        Reply inactive = http.get(KEYS, subject);
        Reply unknown =
                http.get(KEYS, new Credentials("x", "vtexappkey-" + tenant.name() + "-ZZZZZZ", subject.appToken()));
        Reply wrongToken = http.get(KEYS, tenant.admin.withToken(subject.appToken()));
        Reply malformed = http.get(KEYS, tenant.admin.withToken("not-a-token"));
        Reply missing = http.get(KEYS, null);
        for (Reply reply : List.of(inactive, unknown, wrongToken, malformed, missing)) {
            assertEquals(401, reply.status(), reply::toString);
            assertEquals(inactive.body(), reply.body());
            assertEquals(ProblemJson.PROBLEM.toString(), reply.contentType());
        }
        VtexSchemas.assertMatches("problem", inactive);

        Reply reactivated = http.put(KEYS + "/" + subject.id(), tenant.admin, "{\"isActive\":true}");
        assertEquals(200, reactivated.status(), reactivated::toString);
        assertEquals(200, http.get(KEYS, subject).status());
        assertFalse(isActive(subject), "listed as inactive after reactivation");
    }

    @Test
    void deleteKey_thenItsCredentialsGet401_andASecondDeleteIs404() {
        Credentials subject = tenant.keyWithRoles("subject", LicenseManager.OWNER);
        Reply deleted = http.delete(KEYS + "/" + subject.id(), tenant.admin);
        assertEquals(204, deleted.status(), deleted::toString);

        assertEquals(401, http.get(KEYS, subject).status());
        assertFalse(appKeysIn(http.get(KEYS, tenant.admin).json()).contains(subject.appKey()));
        Reply again = http.delete(KEYS + "/" + subject.id(), tenant.admin);
        assertEquals(404, again.status(), again::toString);
        assertProblem(again, 404);
    }

    /** Every endpoint, called as {@code caller} on {@code other} where one names a key. */
    private Map<String, Supplier<Reply>> everyEndpointAs(Credentials caller, Credentials other) {
        String renew = "/api/vtexid/apikey/" + other.appKey() + "/apitoken/";
        String roles = USERS + "/" + other.appKey() + "/roles";
        int owner = tenant.roleId(LicenseManager.OWNER).value();
        Map<String, Supplier<Reply>> calls = new LinkedHashMap<>();
        calls.put("POST " + KEYS, () -> http.post(KEYS, caller, "{\"label\":\"nope\"}"));
        calls.put("GET " + KEYS, () -> http.get(KEYS, caller));
        calls.put("PUT key", () -> http.put(KEYS + "/" + other.id(), caller, "{\"isActive\":false}"));
        calls.put("DELETE key", () -> http.delete(KEYS + "/" + other.id(), caller));
        calls.put("GET " + ACCOUNT, () -> http.get(ACCOUNT, caller));
        calls.put("PATCH renew", () -> http.patch(renew + "renew", caller));
        calls.put("PATCH finish-renewal", () -> http.patch(renew + "finish-renewal", caller));
        calls.put("PATCH cancel-renewal", () -> http.patch(renew + "cancel-renewal", caller));
        calls.put("POST " + USERS, () -> http.post(USERS, caller, "{\"email\":\"x@example.com\"}"));
        calls.put("GET user", () -> http.get(USERS + "/" + tenant.account.masterEmail(), caller));
        calls.put("DELETE user", () -> http.delete(USERS + "/someone@example.com", caller));
        calls.put("GET " + LOGINS, () -> http.get(LOGINS, caller));
        calls.put("GET " + ROLES, () -> http.get(ROLES, caller));
        calls.put("PUT user roles", () -> http.put(roles, caller, "[" + owner + "]"));
        calls.put("GET user roles", () -> http.get(roles, caller));
        calls.put("DELETE user role", () -> http.delete(roles + "/" + owner, caller));
        calls.put("GET authz/check", () -> http.get("/api/authz/check?resource=ViewApiKeys", caller));
        return calls;
    }

    private boolean isActive(Credentials key) {
        return StreamSupport.stream(http.get(KEYS, tenant.admin).json().spliterator(), false)
                .filter(item -> item.get("appKey").asText().equals(key.appKey()))
                .noneMatch(item -> item.get("isActive").asBoolean());
    }
}
