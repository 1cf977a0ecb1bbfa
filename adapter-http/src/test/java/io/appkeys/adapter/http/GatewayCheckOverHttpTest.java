package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static io.appkeys.adapter.http.HttpStory.appKeysIn;
import static io.appkeys.adapter.http.HttpStory.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway check and the rules every endpoint shares: 200, 403 or 401 for a resource, header names in any case,
 * {@code ?an=} naming the caller's own account, and no sight of another account.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class GatewayCheckOverHttpTest extends OverHttp {

    GatewayCheckOverHttpTest(ServedStore served) {
        super(served);
    }

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
    void head_answersAsGetWithoutABody_andKeepsTheConnectionOpen() {
        Credentials viewer = tenant.keyWithRoles("gateway", LicenseManager.OWNER);
        String check = "/api/authz/check?resource=";

        for (String resource : new String[] {"ViewApiKeys", "ViewApiKeys", "Save_User"}) { // full, cached, denied
            Reply get = http.get(check + resource, viewer);
            Reply head = http.send("HEAD", check + resource, Http.headers(viewer), null);
            assertEquals(get.status(), head.status(), head::toString);
            assertEquals(get.header(AuthzController.ACCOUNT_HEADER), head.header(AuthzController.ACCOUNT_HEADER));
            assertEquals(get.header(AuthzController.PRINCIPAL_HEADER), head.header(AuthzController.PRINCIPAL_HEADER));
            assertHeadOnly(head);
        }
        Reply refused = http.send("HEAD", check + "ViewApiKeys", Http.headers(viewer.withToken("X")), null);
        assertEquals(401, refused.status(), refused::toString);
        assertHeadOnly(refused);
    }

    /** No body, its length said, and no close: a proxy keeps the connection for its next check. */
    private static void assertHeadOnly(Reply head) {
        assertEquals("", head.body());
        assertEquals("0", head.header("Content-Length"), head::toString);
        assertEquals(null, head.header("Connection"), head::toString);
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
        Tenant stranger = Tenant.create(served.server().appKeys());
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
}
