package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static io.appkeys.adapter.http.HttpStory.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET /api/vlm/appkeys/{id}/usage}: a key's successful authentications per hour, from the store. */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class KeyUsageOverHttpTest extends OverHttp {

    KeyUsageOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void successfulAuthentications_areCountedInTheirHour_andRefusalsAreNot() {
        Credentials caller = tenant.keyWithRoles("counted", LicenseManager.OWNER);
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200,
                    http.get("/api/authz/check?resource=ViewApiKeys", caller).status());
        }
        assertEquals(
                401,
                http.get("/api/authz/check?resource=ViewApiKeys", caller.withToken("X"))
                        .status());
        served.server().appKeys().flushUsage();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

        Reply reply = http.get(KEYS + "/" + caller.id() + "/usage?hours=2", tenant.admin);
        assertEquals(200, reply.status(), reply::toString);
        JsonNode usage = reply.json();
        assertEquals(caller.id(), usage.get("id").asText());
        assertEquals(3, usage.get("last24Hours").asLong());
        assertEquals(3, usage.get("last7Days").asLong());
        assertEquals(1, usage.get("hours").size(), usage::toString);
        JsonNode counted = usage.get("hours").get(0);
        // the hour of the uses: this one, or the one before when the hour turned between the uses and now
        Instant start = Instant.parse(counted.get("start").asText());
        assertEquals(true, start.equals(hour) || start.equals(hour.minus(1, ChronoUnit.HOURS)), start::toString);
        assertEquals(3, counted.get("uses").asLong());
    }

    @Test
    void badHours_unknownKeys_andCallersWithoutViewingRights_areRefused() {
        Credentials key = tenant.newKey("quiet");
        assertProblem(http.get(KEYS + "/" + key.id() + "/usage?hours=0", tenant.admin), 400);
        assertProblem(http.get(KEYS + "/" + key.id() + "/usage?hours=2161", tenant.admin), 400);
        assertProblem(http.get(KEYS + "/" + key.id() + "/usage?hours=abc", tenant.admin), 400);
        assertProblem(http.get(KEYS + "/" + UUID.randomUUID() + "/usage", tenant.admin), 404);
        assertProblem(http.get(KEYS + "/" + key.id() + "/usage", tenant.newKey("no roles")), 403);

        Reply unused = http.get(KEYS + "/" + key.id() + "/usage", tenant.admin);
        assertEquals(200, unused.status(), unused::toString);
        assertEquals(0, unused.json().get("last7Days").asLong());
        assertEquals(0, unused.json().get("hours").size());
    }
}
