package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.LicenseManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The account's key settings over HTTP, and what they drive: the maximum lifetime of new keys, token-age alerts
 * in the list, in one key's view and as a filter, each token's last use during a renewal, and the automatic
 * finish of renewals.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class KeyLifecycleOverHttpTest extends OverHttp {

    private static final String SETTINGS = "/api/vlm/account/settings";

    KeyLifecycleOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void settings_areReadWithDefaults_changedMemberByMember_andTurnedOffWithNull() {
        Reply defaults = http.get(SETTINGS, tenant.admin);
        assertEquals(200, defaults.status(), defaults::toString);
        assertEquals(
                "{\"maxKeyLifetime\":null,\"renewTokensEveryMonths\":3,\"autoFinishRenewalsAfter\":null}",
                defaults.body());

        Reply changed = http.put(SETTINGS, tenant.admin, "{\"maxKeyLifetime\":\"P90D\",\"renewTokensEveryMonths\":6}");
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(
                "{\"maxKeyLifetime\":\"P90D\",\"renewTokensEveryMonths\":6,\"autoFinishRenewalsAfter\":null}",
                changed.body());
        Reply grace = http.put(SETTINGS, tenant.admin, "{\"autoFinishRenewalsAfter\":\"PT36H\"}");
        assertEquals("P90D", grace.json().get("maxKeyLifetime").asText(), "the members not sent stay");
        assertEquals("PT36H", grace.json().get("autoFinishRenewalsAfter").asText());

        Reply off = http.put(SETTINGS, tenant.admin, "{\"maxKeyLifetime\":null,\"autoFinishRenewalsAfter\":null}");
        assertEquals(
                "{\"maxKeyLifetime\":null,\"renewTokensEveryMonths\":6,\"autoFinishRenewalsAfter\":null}", off.body());
    }

    @Test
    void badSettings_areRefused_andChangeNothing() {
        for (String body : List.of(
                "{}",
                "{\"renewTokensEveryMonths\":4}",
                "{\"renewTokensEveryMonths\":null}",
                "{\"renewTokensEveryMonths\":\"3\"}",
                "{\"maxKeyLifetime\":\"90 days\"}",
                "{\"maxKeyLifetime\":\"PT0S\"}",
                "{\"autoFinishRenewalsAfter\":\"P30D\"}",
                "{\"maxKeyLifetime\":\"P1D\",\"colour\":\"red\"}",
                "{\"maxKeyLifetime\":\"P1D\",\"renewTokensEveryMonths\":5}")) {
            Reply reply = http.put(SETTINGS, tenant.admin, body);
            assertEquals(400, reply.status(), body + " -> " + reply);
            HttpStory.assertProblem(reply, 400);
        }
        assertEquals(
                "{\"maxKeyLifetime\":null,\"renewTokensEveryMonths\":3,\"autoFinishRenewalsAfter\":null}",
                http.get(SETTINGS, tenant.admin).body());
    }

    @Test
    void onlyAHolderOfEditApiKeysSettings_changesThem() {
        Credentials administrator = tenant.keyWithRoles("admin", LicenseManager.USER_ADMINISTRATOR);
        Credentials nobody = tenant.newKey("no roles");

        assertEquals(200, http.get(SETTINGS, administrator).status());
        assertEquals(
                403,
                http.put(SETTINGS, administrator, "{\"renewTokensEveryMonths\":6}")
                        .status());
        assertEquals(403, http.get(SETTINGS, nobody).status());
        assertEquals(401, http.get(SETTINGS, nobody.withToken("A".repeat(128))).status());
    }

    @Test
    void aMaximumLifetime_givesNewKeysAnExpiry_andRefusesALongerOne() {
        http.put(SETTINGS, tenant.admin, "{\"maxKeyLifetime\":\"P30D\"}");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Reply created = http.post(KEYS, tenant.admin, "{\"label\":\"bounded\"}");
        Reply longer = http.post(
                KEYS,
                tenant.admin,
                "{\"label\":\"longer\",\"expiresIn\":\"" + before.plus(Duration.ofDays(31)) + "\"}");
        Reply never = http.put(KEYS + "/" + tenant.admin.id(), tenant.admin, "{\"expiresIn\":null}");

        assertEquals(200, created.status(), created::toString);
        Instant expires = Instant.parse(created.json().get("expiresIn").asText());
        assertFalse(expires.isBefore(before.plus(Duration.ofDays(30))));
        assertTrue(expires.isBefore(Instant.now().plus(Duration.ofDays(30)).plusSeconds(1)));
        assertEquals(400, longer.status(), longer::toString);
        assertEquals(400, never.status(), never::toString);
    }

    @Test
    void tokenAge_isInTheList_inOneKeysView_andFiltersTheList() {
        Credentials fresh = tenant.newKey("fresh");
        Credentials old = tenant.newKey("old");
        Credentials older = tenant.newKey("older");
        TestDatabases.issueTokenAgo(served.store().settings(), old.id(), 100);
        TestDatabases.issueTokenAgo(served.store().settings(), older.id(), 200);

        Reply all = http.get(KEYS, tenant.admin);
        VtexSchemas.assertMatches("list-appkeys", all);
        assertEquals("ok", item(all.json(), fresh.id()).get("tokenAgeStatus").asText());
        assertEquals("due", item(all.json(), old.id()).get("tokenAgeStatus").asText());
        assertEquals(100, item(all.json(), old.id()).get("tokenAgeDays").asLong());
        assertEquals(
                "overdue", item(all.json(), older.id()).get("tokenAgeStatus").asText());

        Reply due = http.get(KEYS + "?due=true", tenant.admin);
        assertEquals(200, due.status(), due::toString);
        VtexSchemas.assertMatches("list-appkeys", due);
        assertEquals(List.of(old.id(), older.id()), ids(due.json()));
        assertEquals(
                ids(all.json()), ids(http.get(KEYS + "?due=false", tenant.admin).json()));
        assertEquals(400, http.get(KEYS + "?due=yes", tenant.admin).status());

        Reply shown = http.get(KEYS + "/" + old.id(), tenant.admin);
        assertEquals(200, shown.status(), shown::toString);
        assertEquals("due", shown.json().get("tokenAgeStatus").asText());
        assertEquals(100, shown.json().get("tokenAgeDays").asLong());
        assertFalse(shown.body().contains(old.appToken()));

        http.put(SETTINGS, tenant.admin, "{\"renewTokensEveryMonths\":6}");
        assertEquals(
                List.of(older.id()),
                ids(http.get(KEYS + "?due=true", tenant.admin).json()));
        assertEquals(
                "ok",
                item(http.get(KEYS, tenant.admin).json(), old.id())
                        .get("tokenAgeStatus")
                        .asText());
    }

    @Test
    void duringARenewal_eachTokensLastUse_isShownApart() {
        Credentials subject = tenant.keyWithRoles("subject", LicenseManager.OWNER);
        Reply renewed = http.patch("/api/vtexid/apikey/" + subject.appKey() + "/apitoken/renew", tenant.admin);
        Credentials renewedKey =
                subject.withToken(renewed.json().get("newToken").asText());
        Reply before = http.get(KEYS + "/" + subject.id(), tenant.admin);
        assertTrue(before.json().get("tokenLastUsedIn").isNull(), before::toString);
        assertTrue(before.json().get("newTokenLastUsedIn").isNull());

        assertEquals(200, http.get(KEYS, renewedKey).status());
        served.server().appKeys().flushUsage();
        Reply newOnly = http.get(KEYS + "/" + subject.id(), tenant.admin);
        assertTrue(newOnly.json().get("tokenLastUsedIn").isNull(), "the old token has not been used");
        assertFalse(newOnly.json().get("newTokenLastUsedIn").isNull());

        assertEquals(200, http.get(KEYS, subject).status());
        served.server().appKeys().flushUsage();
        Reply both = http.get(KEYS + "/" + subject.id(), tenant.admin);
        assertFalse(both.json().get("tokenLastUsedIn").isNull(), both::toString);
        assertFalse(both.json().get("newTokenLastUsedIn").isNull());
        assertFalse(both.json().get("creationDateNewToken").isNull());
        assertFalse(both.json().get("tokenExpiresIn").isNull());
    }

    @Test
    void aRenewal_finishesByItself_afterTheAccountsGracePeriod() throws InterruptedException {
        http.put(SETTINGS, tenant.admin, "{\"autoFinishRenewalsAfter\":\"PT1S\"}");
        Credentials subject = tenant.keyWithRoles("subject", LicenseManager.OWNER);
        Reply renewed = http.patch("/api/vtexid/apikey/" + subject.appKey() + "/apitoken/renew", tenant.admin);
        Credentials renewedKey =
                subject.withToken(renewed.json().get("newToken").asText());

        Instant deadline = Instant.now().plusSeconds(10);
        int oldToken = http.get(KEYS, subject).status();
        while (oldToken == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            oldToken = http.get(KEYS, subject).status();
        }

        assertEquals(401, oldToken, "the old token stopped working by itself");
        assertEquals(200, http.get(KEYS, renewedKey).status());
        assertTrue(http.get(KEYS + "/" + subject.id(), tenant.admin)
                .json()
                .get("creationDateNewToken")
                .isNull());
    }

    private static JsonNode item(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no key " + id + " in " + list);
    }

    /** The ids of the keys listed, the tenant's own admin key left out. */
    private List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asText()));
        ids.remove(tenant.admin.id());
        return ids;
    }
}
