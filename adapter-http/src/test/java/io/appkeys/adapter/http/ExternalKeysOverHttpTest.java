package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.RoleName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * External keys over HTTP, as VTEX has them: an account grants its roles to another account's key through the
 * License Manager's roles endpoint, and the key then acts there, chosen by {@code ?an=}, with those roles only.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class ExternalKeysOverHttpTest extends OverHttp {

    private final Tenant granting;
    private final Credentials partner;

    ExternalKeysOverHttpTest(ServedStore served) {
        super(served);
        this.granting = Tenant.create(served.server().appKeys());
        this.partner = tenant.keyWithRoles("partner", LicenseManager.USER_ADMINISTRATOR);
    }

    @Test
    void aGrantedKey_actsInTheGrantingAccount_withItsRolesOnly_andNothingCrossesOver() {
        grant(LicenseManager.OWNER);

        Reply there = http.get(KEYS + "?an=" + granting.name(), partner);
        Reply home = http.get(KEYS, partner);

        assertEquals(200, there.status(), there::toString);
        assertEquals(List.of(granting.admin.appKey()), appKeys(there.json()));
        assertEquals(200, home.status());
        assertFalse(appKeys(home.json()).contains(granting.admin.appKey()));
        assertTrue(appKeys(home.json()).contains(partner.appKey()));
        Reply check = http.get("/api/authz/check?resource=EditApiKeys&an=" + granting.name(), partner);
        assertEquals(200, check.status(), check::toString);
        assertEquals(granting.name(), check.json().get("account").asText());
        assertEquals(
                403,
                http.get(HttpStory.LOGINS + "?an=" + granting.name(), partner).status(),
                "its home role (User Administrator) does not count in the granting account");
        assertEquals(
                404,
                http.get(HttpStory.USERS + "/" + partner.appKey(), granting.admin)
                        .status(),
                "the granting account does not see the other account's keys as its own");
        assertEquals(
                "[" + granting.roleId(LicenseManager.OWNER).value() + "]",
                roleIds(http.get(HttpStory.USERS + "/" + partner.appKey() + "/roles", granting.admin)));
    }

    @Test
    void withoutAGrant_anotherAccountIs403() {
        Tenant third = Tenant.create(served.server().appKeys());

        assertEquals(403, http.get(KEYS + "?an=" + third.name(), partner).status());
        assertEquals(403, http.get(KEYS + "?an=" + granting.name(), partner).status());
    }

    @Test
    void revokingOnEitherSide_endsIt() {
        int owner = grant(LicenseManager.OWNER);
        assertEquals(200, http.get(KEYS + "?an=" + granting.name(), partner).status());

        Reply revoked = http.delete(HttpStory.USERS + "/" + partner.appKey() + "/roles/" + owner, granting.admin);
        assertEquals(204, revoked.status(), revoked::toString);
        assertEquals(403, http.get(KEYS + "?an=" + granting.name(), partner).status(), "revoked by the grantor");

        grant(LicenseManager.OWNER);
        assertEquals(200, http.get(KEYS + "?an=" + granting.name(), partner).status());
        assertEquals(
                200,
                http.put(KEYS + "/" + partner.id(), tenant.admin, "{\"isActive\":false}")
                        .status());
        assertEquals(401, http.get(KEYS + "?an=" + granting.name(), partner).status(), "deactivated at home");
    }

    private int grant(RoleName role) {
        int id = granting.roleId(role).value();
        Reply granted = http.put(HttpStory.USERS + "/" + partner.appKey() + "/roles", granting.admin, "[" + id + "]");
        assertEquals(204, granted.status(), granted::toString);
        return id;
    }

    private static List<String> appKeys(JsonNode keys) {
        List<String> appKeys = new ArrayList<>();
        keys.forEach(key -> appKeys.add(key.get("appKey").asText()));
        return appKeys;
    }

    private static String roleIds(Reply roles) {
        List<Integer> ids = new ArrayList<>();
        roles.json().forEach(role -> ids.add(role.get("id").asInt()));
        return ids.toString().replace(" ", "");
    }
}
