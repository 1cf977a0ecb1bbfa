package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.persistence.CuttableDatabase;
import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.core.domain.LicenseManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole story of issue 4, driven over HTTP against the real server: each test gets an account of its own
 * and an admin key made through core. Subclasses choose the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpStoryContract {

    static final String KEYS = "/api/vlm/appkeys";
    static final String ACCOUNT = "/api/vlm/account";
    static final String USERS = "/api/license-manager/users";
    static final String LOGINS = "/api/license-manager/site/pvt/logins/list/paged";
    static final String ROLES = "/api/license-manager/site/pvt/roles/list/paged";

    protected DatabaseSettings store;
    protected TestServer server;
    protected Http http;
    protected Tenant tenant;

    /** A fresh, empty store for the suite. */
    protected abstract DatabaseSettings openStore();

    protected abstract void dropStore(DatabaseSettings settings);

    /** A fresh store of the test's own that it may cut off. */
    protected abstract CuttableDatabase cuttableStore();

    @BeforeAll
    void start() {
        store = openStore();
        server = new TestServer(store);
        http = new Http(server.uri());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            dropStore(store);
        }
    }

    @BeforeEach
    void newTenant() {
        tenant = Tenant.create(server.appKeys());
    }

    // --- keys ---

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
    void renewal_bothTokensWork_untilFinish_thenOnlyTheNewOne() {
        Credentials subject = tenant.keyWithRoles("subject", LicenseManager.OWNER);
        String renewPath = "/api/vtexid/apikey/" + subject.appKey() + "/apitoken/";

        Reply renewed = http.patch(renewPath + "renew", tenant.admin);
        assertEquals(200, renewed.status(), renewed::toString);
        VtexSchemas.assertMatches("renew", renewed);
        assertEquals("subject", renewed.json().get("keyName").asText());
        assertEquals(subject.id(), renewed.json().get("id").asText());
        assertEquals(30, renewed.json().get("expirationPeriod").asInt());
        assertEquals("no-store", renewed.header("Cache-Control"));
        Credentials renewedKey =
                subject.withToken(renewed.json().get("newToken").asText());

        assertEquals(200, http.get(KEYS, subject).status(), "old token during the renewal");
        assertEquals(200, http.get(KEYS, renewedKey).status(), "new token during the renewal");

        Reply again = http.patch(renewPath + "renew", tenant.admin);
        assertEquals(409, again.status(), again::toString);
        assertProblem(again, 409);

        Reply finished = http.patch(renewPath + "finish-renewal", tenant.admin);
        assertEquals(200, finished.status(), finished::toString);
        VtexSchemas.assertMatches("finish-renewal", finished);
        assertTrue(finished.json().get("creationDateNewToken").isNull());

        assertEquals(401, http.get(KEYS, subject).status(), "old token after finish");
        assertEquals(200, http.get(KEYS, renewedKey).status(), "new token after finish");
        assertEquals(404, http.patch(renewPath + "finish-renewal", tenant.admin).status());
    }

    @Test
    void cancelRenewal_dropsTheNewToken_andKeepsTheOld() {
        Credentials subject = tenant.keyWithRoles("subject", LicenseManager.OWNER);
        String renewPath = "/api/vtexid/apikey/" + subject.appKey() + "/apitoken/";
        Reply renewed = http.patch(renewPath + "renew", tenant.admin);
        Credentials renewedKey =
                subject.withToken(renewed.json().get("newToken").asText());
        assertEquals(200, http.get(KEYS, renewedKey).status());

        Reply cancelled = http.patch(renewPath + "cancel-renewal", tenant.admin);
        assertEquals(200, cancelled.status(), cancelled::toString);
        VtexSchemas.assertMatches("finish-renewal", cancelled);

        assertEquals(401, http.get(KEYS, renewedKey).status(), "new token after cancel");
        assertEquals(200, http.get(KEYS, subject).status(), "old token after cancel");
        assertEquals(404, http.patch(renewPath + "cancel-renewal", tenant.admin).status());
    }

    @Test
    void aKey_mayNotRenewItsOwnToken() {
        Reply own = http.patch("/api/vtexid/apikey/" + tenant.admin.appKey() + "/apitoken/renew", tenant.admin);
        assertEquals(403, own.status(), own::toString);
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

    // --- users and roles ---

    @Test
    void users_areCreatedFetchedListedAndDeleted() {
        Reply created = http.post(USERS, tenant.admin, "{\"name\":\"Jane\",\"email\":\"Jane@Example.com\"}");
        assertEquals(200, created.status(), created::toString);
        VtexSchemas.assertMatches("user", created);
        String id = created.json().get("id").asText();
        assertEquals("jane@example.com", created.json().get("email").asText());

        Reply byId = http.get(USERS + "/" + id, tenant.admin);
        assertEquals(200, byId.status(), byId::toString);
        VtexSchemas.assertMatches("user", byId);
        assertEquals("Jane", byId.json().get("name").asText());
        Reply byEmail = http.get(USERS + "/jane@example.com", tenant.admin);
        assertEquals(id, byEmail.json().get("id").asText());

        Reply nameless = http.post(USERS, tenant.admin, "{\"email\":\"joe@example.com\"}");
        assertEquals(200, nameless.status(), nameless::toString);
        VtexSchemas.assertMatches("user", nameless);

        Reply duplicate = http.post(USERS, tenant.admin, "{\"name\":\"Jane\",\"email\":\"jane@example.com\"}");
        assertEquals(409, duplicate.status(), duplicate::toString);

        Reply page = http.get(LOGINS + "?numItems=10&pageNumber=1", tenant.admin);
        assertEquals(200, page.status(), page::toString);
        VtexSchemas.assertMatches("logins-paged", page);
        List<String> emails = values(page.json().get("items"), "email");
        assertTrue(emails.containsAll(List.of("jane@example.com", "joe@example.com")), emails::toString);
        assertEquals(emails.size(), page.json().get("paging").get("total").asInt());

        Reply deleted = http.delete(USERS + "/" + id, tenant.admin);
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals(404, http.get(USERS + "/" + id, tenant.admin).status());
        assertFalse(values(http.get(LOGINS, tenant.admin).json().get("items"), "email")
                .contains("jane@example.com"));
    }

    @Test
    void logins_arePagedInVtexShape() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(
                    200,
                    http.post(USERS, tenant.admin, "{\"email\":\"u" + i + "@example.com\"}")
                            .status());
        }
        Reply first = http.get(LOGINS + "?numItems=2&pageNumber=1", tenant.admin);
        Reply second = http.get(LOGINS + "?numItems=2&pageNumber=2", tenant.admin);
        Reply past = http.get(LOGINS + "?numItems=2&pageNumber=9", tenant.admin);
        VtexSchemas.assertMatches("logins-paged", second);

        long total = first.json().get("paging").get("total").asLong();
        assertTrue(total >= 3, "total " + total);
        assertEquals(2, first.json().get("items").size());
        assertEquals(
                Map.of("page", 2, "perPage", 2, "total", (int) total, "pages", (int) ((total + 1) / 2)),
                paging(second.json()));
        assertEquals(0, past.json().get("items").size());
        List<String> both = new ArrayList<>(values(first.json().get("items"), "id"));
        both.addAll(values(second.json().get("items"), "id"));
        assertEquals(both.size(), Set.copyOf(both).size(), "pages overlap: " + both);
    }

    @Test
    void roles_areListedInVtexPagedShape() {
        Reply all = http.get(ROLES + "?numItems=100&pageNumber=1", tenant.admin);
        assertEquals(200, all.status(), all::toString);
        VtexSchemas.assertMatches("roles-paged", all);
        assertTrue(values(all.json().get("items"), "name")
                .containsAll(List.of(LicenseManager.OWNER.value(), LicenseManager.USER_ADMINISTRATOR.value())));

        Reply one = http.get(ROLES + "?numItems=1&pageNumber=2", tenant.admin);
        VtexSchemas.assertMatches("roles-paged", one);
        assertEquals(1, one.json().get("items").size());
        assertEquals(
                Map.of(
                        "page",
                        2,
                        "perPage",
                        1,
                        "total",
                        all.json().get("items").size(),
                        "pages",
                        all.json().get("items").size()),
                paging(one.json()));
    }

    @Test
    void roles_areLinkedByUserId_email_keyId_andAppKey_andUnlinked() {
        String userId = http.post(USERS, tenant.admin, "{\"email\":\"ops@example.com\"}")
                .json()
                .get("id")
                .asText();
        Credentials key = tenant.newKey("linked");
        int owner = tenant.roleId(LicenseManager.OWNER).value();

        for (String ref : List.of(userId, "ops@example.com", key.id(), key.appKey())) {
            String path = USERS + "/" + ref + "/roles";
            Reply linked = http.put(path, tenant.admin, "[" + owner + "]");
            assertEquals(204, linked.status(), () -> ref + " -> " + linked);
            Reply roles = http.get(path, tenant.admin);
            assertEquals(200, roles.status(), roles::toString);
            VtexSchemas.assertMatches("user-roles", roles);
            assertEquals(List.of(LicenseManager.OWNER.value()), values(roles.json(), "name"));

            Reply unlinked = http.delete(path + "/" + owner, tenant.admin);
            assertEquals(204, unlinked.status(), unlinked::toString);
            assertEquals(0, http.get(path, tenant.admin).json().size());
        }
    }

    // --- gateway check ---

    @Test
    void authzCheck_is200WhenGranted_403WhenNot_401WhenNotAuthenticated() {
        Credentials viewer = tenant.keyWithRoles("viewer", LicenseManager.OWNER);

        Reply allowed = http.get("/api/authz/check?resource=ViewApiKeys", viewer);
        assertEquals(200, allowed.status(), allowed::toString);
        VtexSchemas.assertMatches("authz-check", allowed);
        assertEquals(
                Map.of("account", tenant.name(), "principal", viewer.appKey(), "type", "appKey"),
                Map.of(
                        "account",
                        allowed.json().get("account").asText(),
                        "principal",
                        allowed.json().get("principal").asText(),
                        "type",
                        allowed.json().get("type").asText()));
        assertEquals(tenant.name(), allowed.header(AuthzController.ACCOUNT_HEADER));
        assertEquals(viewer.appKey(), allowed.header(AuthzController.PRINCIPAL_HEADER));

        Reply again = http.get("/api/authz/check?resource=ViewApiKeys", viewer); // from the cache, before routing
        assertEquals(
                List.of(
                        allowed.status(),
                        allowed.body(),
                        allowed.header("content-type"),
                        allowed.header(AuthzController.ACCOUNT_HEADER),
                        allowed.header(AuthzController.PRINCIPAL_HEADER)),
                List.of(
                        again.status(),
                        again.body(),
                        again.header("content-type"),
                        again.header(AuthzController.ACCOUNT_HEADER),
                        again.header(AuthzController.PRINCIPAL_HEADER)));
        Reply otherAccount = http.get("/api/authz/check?resource=ViewApiKeys&an=someoneelse", viewer);
        assertEquals(403, otherAccount.status(), otherAccount::toString);

        Reply denied = http.get("/api/authz/check?resource=Save_User", viewer);
        assertEquals(403, denied.status(), denied::toString);
        assertProblem(denied, 403);

        Reply unauthenticated = http.get("/api/authz/check?resource=ViewApiKeys", viewer.withToken("X"));
        assertEquals(401, unauthenticated.status(), unauthenticated::toString);

        Reply noResource = http.get("/api/authz/check", viewer);
        assertEquals(400, noResource.status(), noResource::toString);
    }

    @Test
    void headerNames_areCaseInsensitive() {
        Reply reply = http.send(
                "GET",
                KEYS,
                Map.of("x-vtex-api-appkey", tenant.admin.appKey(), "X-VTEX-API-APPTOKEN", tenant.admin.appToken()),
                null);
        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void anParameter_mustNameTheCallersOwnAccount() {
        assertEquals(200, http.get(KEYS + "?an=" + tenant.name(), tenant.admin).status());
        Reply other = http.get(KEYS + "?an=someoneelse", tenant.admin);
        assertEquals(403, other.status(), other::toString);
        assertProblem(other, 403);
    }

    @Test
    void aCaller_seesOnlyItsOwnAccount() {
        Tenant stranger = Tenant.create(server.appKeys());
        Credentials theirs = stranger.newKey("theirs");

        assertEquals(
                404,
                http.put(KEYS + "/" + theirs.id(), tenant.admin, "{\"isActive\":false}")
                        .status());
        assertEquals(404, http.delete(KEYS + "/" + theirs.id(), tenant.admin).status());
        assertEquals(
                404,
                http.patch("/api/vtexid/apikey/" + theirs.appKey() + "/apitoken/renew", tenant.admin)
                        .status());
        assertFalse(appKeysIn(http.get(KEYS, tenant.admin).json()).contains(theirs.appKey()));
    }

    // --- bad input ---

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

    // --- store outage ---

    @Test
    void aCutStore_gives503WithRetryAfter_andServiceResumesWithoutRestart() {
        try (CuttableDatabase cuttable = cuttableStore();
                TestServer own = new TestServer(cuttable.settings())) {
            Http client = new Http(own.uri());
            Tenant mine = Tenant.create(own.appKeys());
            Credentials unseen = mine.keyWithRoles("unseen", LicenseManager.OWNER);
            assertEquals(200, client.get(KEYS, mine.admin).status());

            cuttable.cut();
            Reply down = client.get(KEYS, mine.admin);
            Reply write = client.post(KEYS, mine.admin, "{\"label\":\"during the outage\"}");
            Reply authentication = client.get(KEYS, unseen);
            for (Reply reply : List.of(down, write, authentication)) {
                assertEquals(503, reply.status(), reply::toString);
                assertProblem(reply, 503);
                assertNotNull(reply.header("Retry-After"), reply::toString);
            }

            cuttable.restore();
            Reply back = eventually200(() -> client.get(KEYS, mine.admin));
            assertFalse(back.body().contains("during the outage"), "a write refused during the outage was kept");
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

    // --- service endpoints ---

    @Test
    void health_isUpWithoutCredentials() {
        Reply health = http.get("/health", null);
        assertEquals(200, health.status(), health::toString);
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    void theOpenApiDocument_isServed_andDescribesEveryEndpoint() {
        Reply document = http.get("/openapi/appkeys-0.1.yml", null);
        assertEquals(200, document.status(), document::toString);
        for (String path : List.of(
                KEYS + ":",
                KEYS + "/{id}:",
                ACCOUNT + ":",
                USERS + ":",
                USERS + "/{userId}:",
                USERS + "/{userId}/roles:",
                USERS + "/{userId}/roles/{roleId}:",
                LOGINS + ":",
                ROLES + ":",
                "/api/vtexid/apikey/{appKey}/apitoken/renew:",
                "/api/vtexid/apikey/{appKey}/apitoken/finish-renewal:",
                "/api/vtexid/apikey/{appKey}/apitoken/cancel-renewal:",
                "/api/authz/check:")) {
            assertTrue(document.body().contains("  " + path + "\n"), () -> "missing " + path);
        }
    }

    @Test
    void unknownRoutes_get404ProblemJson() {
        Reply reply = http.get("/api/nothing-here", tenant.admin);
        assertEquals(404, reply.status(), reply::toString);
        assertProblem(reply, 404);
    }

    // --- helpers ---

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

    static void assertProblem(Reply reply, int status) {
        assertAll(
                () -> assertEquals(ProblemJson.PROBLEM.toString(), reply.contentType(), reply::toString),
                () -> VtexSchemas.assertMatches("problem", reply),
                () -> assertEquals(status, reply.json().get("status").asInt()),
                () -> assertEquals(
                        reply.json().get("detail").asText(),
                        reply.json().get("Message").asText()));
    }

    static Credentials credentialsOf(Reply created) {
        assertEquals(200, created.status(), created::toString);
        JsonNode key = created.json();
        return new Credentials(
                key.get("id").asText(),
                key.get("appKey").asText(),
                key.get("appToken").asText());
    }

    private boolean isActive(Credentials key) {
        return StreamSupport.stream(http.get(KEYS, tenant.admin).json().spliterator(), false)
                .filter(item -> item.get("appKey").asText().equals(key.appKey()))
                .noneMatch(item -> item.get("isActive").asBoolean());
    }

    static List<String> appKeysIn(JsonNode array) {
        return values(array, "appKey");
    }

    static List<String> values(JsonNode array, String member) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(item -> item.get(member).asText())
                .collect(Collectors.toList());
    }

    private static Map<String, Integer> paging(JsonNode page) {
        JsonNode paging = page.get("paging");
        return Map.of(
                "page",
                paging.get("page").asInt(),
                "perPage",
                paging.get("perPage").asInt(),
                "total",
                paging.get("total").asInt(),
                "pages",
                paging.get("pages").asInt());
    }
}
