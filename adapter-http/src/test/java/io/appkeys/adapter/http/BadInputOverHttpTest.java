package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static io.appkeys.adapter.http.HttpStory.LOGINS;
import static io.appkeys.adapter.http.HttpStory.ROLES;
import static io.appkeys.adapter.http.HttpStory.USERS;
import static io.appkeys.adapter.http.HttpStory.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input over HTTP: a 400 problem in our words that changes nothing, clear 413s for oversized requests, and a
 * throttle on repeated wrong tokens that leaves the right token working.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class BadInputOverHttpTest extends OverHttp {

    BadInputOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void badInput_gets400ProblemJson_andChangesNothing() {
        Map<String, Supplier<Reply>> bad = new LinkedHashMap<>();
        String userRoles = USERS + "/" + tenant.admin.appKey() + "/roles";
        bad.put("bad JSON", () -> http.post(KEYS, tenant.admin, "{\"label\": "));
        bad.put("not an object", () -> http.post(KEYS, tenant.admin, "[1]"));
        bad.put("missing label", () -> http.post(KEYS, tenant.admin, "{}"));
        bad.put("empty body", () -> http.post(KEYS, tenant.admin, ""));
        bad.put("label of a wrong type", () -> http.post(KEYS, tenant.admin, "{\"label\":5}"));
        bad.put("oversized label", () -> http.post(KEYS, tenant.admin, "{\"label\":\"" + "x".repeat(101) + "\"}"));
        bad.put("blank label", () -> http.post(KEYS, tenant.admin, "{\"label\":\"  \"}"));
        bad.put(
                "isActive not a boolean",
                () -> http.put(KEYS + "/" + tenant.admin.id(), tenant.admin, "{\"isActive\":\"no\"}"));
        bad.put(
                "unknown role id",
                () -> http.put(userRoles, tenant.admin, "[" + tenant.roleId(LicenseManager.OWNER) + ", 999999]"));
        bad.put("role id not a number", () -> http.put(userRoles, tenant.admin, "[\"Owner\"]"));
        bad.put(
                "malformed appKey",
                () -> http.patch("/api/vtexid/apikey/vtexappkey-x-123/apitoken/renew", tenant.admin));
        bad.put("malformed key id", () -> http.delete(KEYS + "/not-an-id", tenant.admin));
        bad.put("malformed user id", () -> http.get(USERS + "/%20nobody", tenant.admin));
        bad.put("bad email", () -> http.post(USERS, tenant.admin, "{\"email\":\"not-an-email\"}"));
        bad.put("numItems out of range", () -> http.get(LOGINS + "?numItems=0", tenant.admin));
        bad.put("pageNumber not a number", () -> http.get(ROLES + "?pageNumber=abc", tenant.admin));
        String keysBefore = http.get(KEYS, tenant.admin).body();
        String rolesBefore = http.get(userRoles, tenant.admin).body();
        String usersBefore = http.get(LOGINS, tenant.admin).body();

        bad.forEach((what, call) -> {
            Reply reply = call.get();
            assertEquals(400, reply.status(), () -> what + " -> " + reply);
            assertProblem(reply, 400);
            assertFalse(reply.json().get("Message").asText().isBlank(), what);
        });

        assertEquals(keysBefore, http.get(KEYS, tenant.admin).body());
        assertEquals(rolesBefore, http.get(userRoles, tenant.admin).body());
        assertEquals(usersBefore, http.get(LOGINS, tenant.admin).body());
    }

    @Test
    void badJson_doesNotEchoTheBody() {
        Reply reply = http.post(KEYS, tenant.admin, "{\"label\": SECRETSECRET");
        assertEquals(400, reply.status());
        assertFalse(reply.body().contains("SECRETSECRET"), reply.body());
    }

    @Test
    void oversizedHeaders_andBodies_getClear4xx() {
        Map<String, String> headers = new LinkedHashMap<>(Http.headers(tenant.admin));
        headers.put("X-Padding", "p".repeat(10_000));
        Reply bigHeader = http.send("GET", KEYS, headers, null);
        assertEquals(413, bigHeader.status(), bigHeader::toString);
        assertProblem(bigHeader, 413);
        assertTrue(bigHeader.json().get("detail").asText().contains("headers"), bigHeader::toString);

        Reply bigBody = http.post(KEYS, tenant.admin, "{\"label\":\"" + "x".repeat(70_000) + "\"}");
        assertEquals(413, bigBody.status(), bigBody::toString);
        assertProblem(bigBody, 413);
    }

    @Test
    void repeatedWrongTokens_areThrottledWith429AndRetryAfter_whileTheRightTokenStillWorks() {
        Credentials victim = tenant.keyWithRoles("victim", LicenseManager.OWNER);
        assertEquals(200, http.get(KEYS, victim).status());
        Credentials attacker = victim.withToken(tenant.newKey("donor").appToken());

        Reply last = null;
        for (int i = 0; i < 15 && (last == null || last.status() != 429); i++) {
            last = http.get(KEYS, attacker);
        }
        assertNotNull(last);
        assertEquals(429, last.status(), last::toString);
        assertProblem(last, 429);
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1, last.header("Retry-After"));
        assertEquals(200, http.get(KEYS, victim).status(), "a verified token keeps working through the throttle");
    }
}
