package io.appkeys.adapter.cli;

import static io.appkeys.adapter.cli.JsonShapes.fieldsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.persistence.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An account's key settings through the CLI, and what they drive: the maximum lifetime of new keys, token-age
 * status in {@code key list} and {@code key show} with {@code --due}, each token's last use during a renewal, and
 * renewals that finish by themselves.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.appkeys.adapter.cli.TestStore#all")
class KeyLifecycleCommandsTest {

    private final TestStore store;
    private final Cli cli;
    private final String account;

    KeyLifecycleCommandsTest(TestStore store) {
        this.store = store;
        this.cli = Cli.on(store);
        this.account = cli.newAccount();
    }

    @AfterParameterizedClassInvocation
    static void dropStore(TestStore store) {
        store.drop();
    }

    @Test
    void settings_areShown_changedOptionByOption_andTurnedOff() {
        Result shown = cli.run("account", "settings", "--account", account).ok();
        shown.printed("maxKeyLifetime           -")
                .printed("renewTokensEveryMonths   3")
                .printed("autoFinishRenewalsAfter  -");

        JsonNode changed = cli.run(
                        "account",
                        "settings",
                        "--account",
                        account,
                        "--max-key-lifetime",
                        "90d",
                        "--renew-every",
                        "6",
                        "--json")
                .json();
        assertEquals(Set.of("maxKeyLifetime", "renewTokensEveryMonths", "autoFinishRenewalsAfter"), fieldsOf(changed));
        assertEquals("P90D", changed.get("maxKeyLifetime").asText());
        assertEquals(6, changed.get("renewTokensEveryMonths").asInt());
        JsonNode grace = cli.run("account", "settings", "--account", account, "--auto-finish-after", "36h", "--json")
                .json();
        assertEquals("P90D", grace.get("maxKeyLifetime").asText(), "what was not given stays");
        assertEquals("PT36H", grace.get("autoFinishRenewalsAfter").asText());

        JsonNode off = cli.run(
                        "account",
                        "settings",
                        "--account",
                        account,
                        "--max-key-lifetime",
                        "off",
                        "--auto-finish-after",
                        "off",
                        "--json")
                .json();
        assertTrue(off.get("maxKeyLifetime").isNull());
        assertTrue(off.get("autoFinishRenewalsAfter").isNull());
        assertTrue(cli.run("audit", "list", "--account", account).ok().out().contains("ACCOUNT_SETTINGS_CHANGED"));
    }

    @Test
    void badSettings_areUsageErrors_andChangeNothing() {
        for (String[] options : List.of(
                new String[] {"--renew-every", "4"},
                new String[] {"--renew-every", "three"},
                new String[] {"--max-key-lifetime", "soon"},
                new String[] {"--max-key-lifetime", "0d"},
                new String[] {"--auto-finish-after", "30d"},
                new String[] {"--max-key-lifetime", "1d", "--renew-every", "5"})) {
            List<String> args = new ArrayList<>(List.of("account", "settings", "--account", account));
            args.addAll(List.of(options));
            cli.run(args.toArray(String[]::new)).fails(ExitCodes.USAGE);
        }
        JsonNode unchanged =
                cli.run("account", "settings", "--account", account, "--json").json();
        assertTrue(unchanged.get("maxKeyLifetime").isNull());
        assertEquals(3, unchanged.get("renewTokensEveryMonths").asInt());
    }

    @Test
    void aMaximumLifetime_givesNewKeysAnExpiry_andRefusesALongerOrNone() {
        cli.run("account", "settings", "--account", account, "--max-key-lifetime", "30d")
                .ok();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        JsonNode bounded = cli.createKey(account, "bounded");

        Instant expires = Instant.parse(bounded.get("expiresIn").asText());
        assertFalse(expires.isBefore(before.plus(Duration.ofDays(30))));
        String id = bounded.get("id").asText();
        cli.run("key", "create", "--account", account, "--label", "x", "--expires-in", "31d")
                .fails(ExitCodes.USAGE);
        cli.run("key", "expire", id, "--account", account, "--never").fails(ExitCodes.USAGE);
        cli.run("key", "expire", id, "--account", account, "--in", "31d").fails(ExitCodes.USAGE);
        cli.run("key", "expire", id, "--account", account, "--in", "29d").ok();
    }

    @Test
    void tokenAge_isListedAndShown_andDueListsTheKeysToRenew() {
        String fresh = cli.createKey(account, "fresh").get("id").asText();
        String old = cli.createKey(account, "old").get("id").asText();
        String older = cli.createKey(account, "older").get("id").asText();
        TestDatabases.issueTokenAgo(store.settings(), old, 100);
        TestDatabases.issueTokenAgo(store.settings(), older, 200);

        Result table = cli.run("key", "list", "--account", account).ok();
        assertTrue(table.out().contains("TOKEN AGE STATUS"), table::toString);
        assertTrue(table.out().lines().anyMatch(line -> line.startsWith(older) && line.contains(" overdue")));
        JsonNode all =
                cli.run("key", "list", "--account", account, "--json").json().get("items");
        assertEquals("ok", item(all, fresh).get("tokenAgeStatus").asText());
        assertEquals("due", item(all, old).get("tokenAgeStatus").asText());
        assertEquals(100, item(all, old).get("tokenAgeDays").asLong());
        assertEquals("overdue", item(all, older).get("tokenAgeStatus").asText());

        JsonNode due = cli.run("key", "list", "--account", account, "--due", "--json")
                .json()
                .get("items");
        assertEquals(List.of(old, older), ids(due));
        Result shown = cli.run("key", "show", old, "--account", account).ok();
        shown.printed("tokenAgeStatus      due").printed("tokenAgeDays        100");

        cli.run("account", "settings", "--account", account, "--renew-every", "6")
                .ok();
        assertEquals(
                List.of(older),
                ids(cli.run("key", "list", "--account", account, "--due", "--json")
                        .json()
                        .get("items")));
        cli.run("key", "list", "--account", account, "--due").ok().printed(older);
    }

    @Test
    void duringARenewal_show_hasEachTokensLastUse() {
        JsonNode key = cli.createKey(account, "rotating");
        String id = key.get("id").asText();
        String appKey = key.get("appKey").asText();
        String newToken = cli.run("key", "renew", id, "--account", account, "--json")
                .json()
                .get("appToken")
                .asText();
        JsonNode before =
                cli.run("key", "show", id, "--account", account, "--json").json();
        assertTrue(before.get("tokenLastUsedIn").isNull());
        assertTrue(before.get("newTokenLastUsedIn").isNull());

        cli.withInput(newToken + "\n", "auth", "check", "--app-key", appKey).ok();
        JsonNode newOnly =
                cli.run("key", "show", id, "--account", account, "--json").json();
        assertTrue(newOnly.get("tokenLastUsedIn").isNull(), "the old token is unused since the renewal");
        assertFalse(newOnly.get("newTokenLastUsedIn").isNull(), newOnly::toString);

        cli.withInput(key.get("appToken").asText() + "\n", "auth", "check", "--app-key", appKey)
                .ok();
        JsonNode both =
                cli.run("key", "show", id, "--account", account, "--json").json();
        assertFalse(both.get("tokenLastUsedIn").isNull(), both::toString);
        assertFalse(both.get("newTokenLastUsedIn").isNull());
        cli.run("key", "show", id, "--account", account).ok().printed("newTokenLastUsedIn");
    }

    @Test
    void aRenewal_finishesByItself_afterTheAccountsGracePeriod() throws InterruptedException {
        cli.run("account", "settings", "--account", account, "--auto-finish-after", "1s")
                .ok();
        JsonNode key = cli.createKey(account, "rotating");
        String id = key.get("id").asText();
        JsonNode renewed =
                cli.run("key", "renew", id, "--account", account, "--json").json();
        assertFalse(renewed.get("tokenExpiresIn").isNull(), renewed::toString);

        Thread.sleep(Duration.between(
                        Instant.now(),
                        Instant.parse(renewed.get("tokenExpiresIn").asText()))
                .plusMillis(50)
                .toMillis());

        cli.withInput(
                        key.get("appToken").asText() + "\n",
                        "auth",
                        "check",
                        "--app-key",
                        key.get("appKey").asText())
                .fails(ExitCodes.NOT_AUTHENTICATED);
        assertTrue(cli.run("key", "show", id, "--account", account, "--json")
                .json()
                .get("newTokenCreatedIn")
                .isNull());
    }

    @Test
    void aRestrictedKey_passesFromItsNetworksOnly_andTheRestrictionIsShownAndLifted() {
        JsonNode key = cli.createKey(account, "restricted");
        String id = key.get("id").asText();
        String appKey = key.get("appKey").asText();
        String token = key.get("appToken").asText() + "\n";

        JsonNode restricted = cli.run(
                        "key",
                        "restrict",
                        id,
                        "--account",
                        account,
                        "--networks",
                        "203.0.113.0/24,2001:db8::/32",
                        "--json")
                .json();
        assertEquals(
                "[\"203.0.113.0/24\",\"2001:db8::/32\"]",
                restricted.get("allowedNetworks").toString());

        cli.withInput(token, "auth", "check", "--app-key", appKey, "--from", "203.0.113.9")
                .ok();
        cli.withInput(token, "auth", "check", "--app-key", appKey, "--from", "2001:db8::9")
                .ok();
        String refused = cli.withInput(token, "auth", "check", "--app-key", appKey, "--from", "198.51.100.9")
                .fails(ExitCodes.NOT_AUTHENTICATED);
        String unknown =
                cli.withInput(token, "auth", "check", "--app-key", appKey).fails(ExitCodes.NOT_AUTHENTICATED);
        String inactive = inactiveKeyRefusal();
        assertEquals(inactive.replace(inactiveAppKey, appKey), refused, "told as an inactive key is");
        assertEquals(refused, unknown);
        cli.withInput(token, "auth", "check", "--app-key", appKey, "--from", "example.com")
                .fails(ExitCodes.USAGE);

        cli.run("key", "show", id, "--account", account).ok().printed("203.0.113.0/24, 2001:db8::/32");
        cli.run("key", "restrict", id, "--account", account, "--anywhere").ok();
        cli.withInput(token, "auth", "check", "--app-key", appKey).ok();
        cli.run("key", "restrict", id, "--account", account, "--networks", "10.0.0.1/8")
                .fails(ExitCodes.USAGE);
        cli.run("key", "restrict", id, "--account", account).fails(ExitCodes.USAGE);
        assertTrue(cli.run("audit", "list", "--account", account).ok().out().contains("KEY_NETWORKS_SET"));
    }

    private String inactiveAppKey;

    private String inactiveKeyRefusal() {
        JsonNode inactive = cli.createKey(account, "inactive");
        inactiveAppKey = inactive.get("appKey").asText();
        cli.run("key", "deactivate", inactiveAppKey, "--account", account).ok();
        return cli.withInput(inactive.get("appToken").asText() + "\n", "auth", "check", "--app-key", inactiveAppKey)
                .fails(ExitCodes.NOT_AUTHENTICATED);
    }

    @Test
    void metadata_isSetShownAndCleared_andBadMetadataIsAUsageError() {
        String id = cli.createKey(account, "described").get("id").asText();

        JsonNode set = cli.run("key", "metadata", id, "--account", account, "--set", "{\"plan\": \"gold\"}", "--json")
                .json();
        assertEquals("{\"plan\":\"gold\"}", set.get("metadata").toString());
        cli.run("key", "show", id, "--account", account).ok().printed("{\"plan\": \"gold\"}");
        assertEquals(
                "gold",
                cli.run("key", "show", id, "--account", account, "--json")
                        .json()
                        .get("metadata")
                        .get("plan")
                        .asText());

        for (String bad :
                List.of("[1]", "plan=gold", "{\"a\":", "{\"a\":1,\"a\":2}", "{\"x\":\"" + "y".repeat(4100) + "\"}")) {
            cli.run("key", "metadata", id, "--account", account, "--set", bad).fails(ExitCodes.USAGE);
        }
        assertTrue(cli.run("key", "metadata", id, "--account", account, "--clear", "--json")
                .json()
                .get("metadata")
                .isNull());
        assertTrue(cli.run("audit", "list", "--account", account).ok().out().contains("KEY_METADATA_SET"));
    }

    @Test
    void export_writesEveryKey_asCsvOrJson_withoutAToken() throws Exception {
        JsonNode first = cli.createKey(account, "first, with a comma");
        JsonNode second = cli.createKey(account, "second");

        Result csv = cli.run("key", "export", "--account", account).ok();
        List<String> lines = csv.out().lines().toList();
        assertEquals(3, lines.size(), csv::toString);
        assertTrue(lines.get(0).startsWith("id,appKey,label,roles,createdIn,"));
        assertTrue(
                lines.get(1)
                        .startsWith(first.get("id").asText() + ","
                                + first.get("appKey").asText() + ",\"first, with a comma\","),
                lines.get(1));

        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(cli.run("key", "export", "--account", account, "--format", "json")
                        .ok()
                        .out());
        assertEquals(2, json.size());
        assertEquals("second", json.get(1).get("label").asText());
        for (JsonNode key : List.of(first, second)) {
            assertFalse(csv.out().contains(key.get("appToken").asText()));
            assertFalse(json.toString().contains(key.get("appToken").asText()));
        }
        cli.run("key", "export", "--account", account, "--format", "xml").fails(ExitCodes.USAGE);
    }

    @Test
    void anExternalKey_isGrantedRolesByAnotherAccount_actsThereWithThoseOnly_andIsRevoked() {
        JsonNode partner = cli.createKey(account, "partner");
        String appKey = partner.get("appKey").asText();
        String token = partner.get("appToken").asText() + "\n";
        String granting = cli.newAccount();
        String owner = "";
        for (JsonNode role :
                cli.run("role", "list", "--account", granting, "--json").json()) {
            owner = role.get("name").asText().startsWith("Owner")
                    ? role.get("id").asText()
                    : owner;
        }

        cli.withInput(token, "auth", "check", "--app-key", appKey, "--account", granting, "--resource", "ViewApiKeys")
                .fails(ExitCodes.FORBIDDEN);
        cli.run("role", "grant", owner, "--to", appKey, "--account", granting).ok();

        JsonNode there = cli.withInput(
                        token,
                        "auth",
                        "check",
                        "--app-key",
                        appKey,
                        "--account",
                        granting,
                        "--resource",
                        "ViewApiKeys",
                        "--json")
                .json();
        assertEquals(granting, there.get("account").asText());
        assertTrue(there.get("allowed").asBoolean());
        cli.withInput(token, "auth", "check", "--app-key", appKey, "--resource", "ViewApiKeys")
                .fails(ExitCodes.FORBIDDEN); // at home it holds no role
        assertFalse(cli.run("key", "list", "--account", granting).ok().out().contains(appKey), "not granting's key");

        cli.run("role", "revoke", owner, "--from", appKey, "--account", granting)
                .ok();
        cli.withInput(token, "auth", "check", "--app-key", appKey, "--account", granting)
                .fails(ExitCodes.FORBIDDEN);
    }

    private static JsonNode item(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no key " + id + " in " + items);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
