package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/** The export of an account's keys over HTTP, as CSV and JSON, streamed; never a token. */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class ExportOverHttpTest extends OverHttp {

    private static final String EXPORT = "/api/vlm/account/appkeys/export";

    ExportOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void csv_isTheDefault_withEveryKeyAndItsRoles_andNoToken() {
        Credentials owner = tenant.keyWithRoles("owner, with a comma", LicenseManager.OWNER);
        Credentials plain = tenant.newKey("plain");

        Reply csv = http.get(EXPORT, tenant.admin);

        assertEquals(200, csv.status(), csv::toString);
        assertEquals("text/csv;charset=utf-8", csv.header("Content-Type"));
        assertEquals("attachment; filename=\"appkeys-" + tenant.name() + ".csv\"", csv.header("Content-Disposition"));
        assertEquals("no-store", csv.header("Cache-Control"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(4, lines.size(), csv::toString); // the header, the admin key and the two above
        assertTrue(lines.get(0).startsWith("id,appKey,label,roles,"));
        assertTrue(
                lines.get(2).startsWith(owner.id() + "," + owner.appKey() + ",\"owner, with a comma\",Owner (Admin"),
                lines.get(2));
        assertTrue(lines.get(3).startsWith(plain.id() + ","), lines.get(3));
        for (Credentials key : List.of(tenant.admin, owner, plain)) {
            assertFalse(csv.body().contains(key.appToken()));
        }
    }

    @Test
    void json_isOneArrayOfKeys() {
        tenant.newKey("second");

        Reply json = http.get(EXPORT + "?format=json", tenant.admin);

        assertEquals(200, json.status(), json::toString);
        assertEquals("application/json", json.header("Content-Type"));
        JsonNode keys = json.json();
        assertEquals(2, keys.size());
        assertEquals("second", keys.get(1).get("label").asText());
        assertEquals("ok", keys.get(1).get("tokenAgeStatus").asText());
        assertTrue(keys.get(1).get("roles").isArray());
    }

    @Test
    void aBadFormat_is400_andAKeyThatMayNotViewKeys_is403() {
        assertEquals(400, http.get(EXPORT + "?format=xml", tenant.admin).status());
        assertEquals(403, http.get(EXPORT, tenant.newKey("nobody")).status());
    }
}
