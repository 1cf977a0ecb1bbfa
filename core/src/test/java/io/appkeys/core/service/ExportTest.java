package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.ExportAppKeysUseCase;
import io.appkeys.core.port.in.ExportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The export of an account's keys: every key, in CSV or JSON, with its roles, token age, expiry, last use and
 * state, never a token; written a page at a time, and stopped when the reader goes away.
 */
class ExportTest {

    private final World world = new World();
    private final ExportAppKeysUseCase exporting = world.appKeys.use(ExportAppKeysUseCase.class);

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void csv_hasAHeaderAndOneLinePerKey_quotedAndDefusedWhereNeeded() {
        CreatedAppKey plain = world.newKey("orders sync");
        world.clock.advance(Duration.ofSeconds(1)); // keys are exported in creation order
        CreatedAppKey tricky = world.newKey("=HYPERLINK(\"x\"), billing");
        world.clock.advance(Duration.ofSeconds(1));
        CreatedAppKey owner = world.keyWithRole(LicenseManager.OWNER);
        world.appKeys.linkRoles(world.master, byAppKey(owner), Set.of(roleId(LicenseManager.USER_ADMINISTRATOR)));

        String csv = export(ExportFormat.CSV);

        List<String> lines = csv.lines().toList();
        assertEquals(
                "id,appKey,label,roles,createdIn,tokenCreatedIn,tokenAgeDays,tokenAgeStatus,expiresIn,lastUsedIn,"
                        + "isActive",
                lines.get(0));
        assertEquals(4, lines.size(), csv);
        assertTrue(csv.endsWith("\r\n"));
        assertEquals(
                plain.key().id() + "," + plain.key().appKey() + ",orders sync,,"
                        + plain.key().createdIn() + "," + plain.key().createdIn() + ",0,ok,,,true",
                lines.get(1));
        assertTrue(lines.get(2).contains(",\"'=HYPERLINK(\"\"x\"\"), billing\","), lines.get(2));
        assertTrue(lines.get(3).contains(",Owner (Admin Super); User Administrator - RESTRICTED,"), lines.get(3));
        assertNoToken(csv, plain, tricky, owner);
    }

    @Test
    void json_isOneArray_withTheSameMembers() throws IOException {
        CreatedAppKey key = world.appKeys.createAppKey(
                world.master, new Label("expiring \u00e9 \"q\""), Optional.of(Instant.parse("2027-01-01T00:00:00Z")));
        world.authenticate(key);
        world.appKeys.flushUsage();
        world.clock.advance(Duration.ofDays(100));
        world.appKeys.setAppKeyActive(world.master, World.ref(key), false);

        String json = export(ExportFormat.JSON);

        JsonNode keys = new ObjectMapper().readTree(json);
        assertEquals(1, keys.size());
        JsonNode exported = keys.get(0);
        assertEquals(
                List.of(
                        "id",
                        "appKey",
                        "label",
                        "roles",
                        "createdIn",
                        "tokenCreatedIn",
                        "tokenAgeDays",
                        "tokenAgeStatus",
                        "expiresIn",
                        "lastUsedIn",
                        "isActive"),
                fieldNames(exported));
        assertEquals("expiring \u00e9 \"q\"", exported.get("label").asText());
        assertEquals(0, exported.get("roles").size());
        assertEquals(100, exported.get("tokenAgeDays").asLong());
        assertEquals("due", exported.get("tokenAgeStatus").asText());
        assertEquals("2027-01-01T00:00:00Z", exported.get("expiresIn").asText());
        assertFalse(exported.get("lastUsedIn").isNull());
        assertFalse(exported.get("isActive").asBoolean());
        assertNoToken(json, key);
        assertEquals("[]", export(world.account("empty"), ExportFormat.JSON).replaceAll("\\s", ""));
    }

    @Test
    void manyKeys_areReadAPageAtATime() {
        int keys = ExportService.PAGE * 2 + 7;
        for (int i = 0; i < keys; i++) {
            world.newKey("k" + i);
        }
        int readsBefore = world.storage.calls();

        assertEquals(keys + 1, export(ExportFormat.CSV).lines().count());

        int pages = 3; // a read of keys and one of their roles' links per page, and two reads to begin
        assertEquals(pages * 2 + 2, world.storage.calls() - readsBefore);
    }

    @Test
    void aReaderThatGoesAway_stopsTheExport() {
        for (int i = 0; i < ExportService.PAGE + 1; i++) {
            world.newKey("k" + i);
        }
        Writer failing = new Writer() {
            private int written;

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                written += length;
                if (written > 10_000) {
                    throw new IOException("Broken pipe");
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };

        assertThrows(
                UncheckedIOException.class,
                () -> exporting.exportAppKeys(world.master, ExportFormat.CSV).writeTo(failing));
    }

    @Test
    void exporting_needsTheRightToViewKeys_andAKnownFormat() {
        CreatedAppKey nobody = world.newKey("nobody");

        assertThrows(ForbiddenException.class, () -> exporting.exportAppKeys(world.callerOf(nobody), ExportFormat.CSV));
        assertThrows(InvalidInputException.class, () -> ExportFormat.parse("xml"));
        assertEquals(ExportFormat.JSON, ExportFormat.parse(" JSON "));
    }

    private String export(ExportFormat format) {
        return export(world.master, format);
    }

    private String export(Caller caller, ExportFormat format) {
        StringWriter out = new StringWriter();
        exporting.exportAppKeys(caller, format).writeTo(out);
        return out.toString();
    }

    private String export(Account account, ExportFormat format) {
        return export(Caller.master(account, "test"), format);
    }

    private static void assertNoToken(String export, CreatedAppKey... keys) {
        for (CreatedAppKey key : keys) {
            assertFalse(export.contains(key.token().reveal()));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static PrincipalRef byAppKey(CreatedAppKey key) {
        return new PrincipalRef.ByAppKey(key.key().appKey());
    }

    private RoleId roleId(RoleName name) {
        return world.appKeys.listRoles(world.master).stream()
                .filter(role -> role.name().equals(name))
                .map(Role::id)
                .findFirst()
                .orElseThrow();
    }
}
