package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static io.appkeys.adapter.http.HttpStory.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token renewal over HTTP: both tokens work until the renewal is finished, cancelling keeps the old one.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class RenewalsOverHttpTest extends OverHttp {

    RenewalsOverHttpTest(ServedStore served) {
        super(served);
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
}
