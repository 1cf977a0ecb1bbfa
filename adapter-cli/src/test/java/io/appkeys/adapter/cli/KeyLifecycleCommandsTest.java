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
        shown.printed("maxKeyLifetime           off")
                .printed("renewTokensEveryMonths   3")
                .printed("autoFinishRenewalsAfter  off");

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
        assertEquals("off", off.get("maxKeyLifetime").asText());
        assertEquals("off", off.get("autoFinishRenewalsAfter").asText());
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
        assertEquals("off", unchanged.get("maxKeyLifetime").asText());
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
        issueTokenAgo(old, 100);
        issueTokenAgo(older, 200);

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

    /** Moves the key's current token back in time, as if it had been issued {@code days} ago. */
    private void issueTokenAgo(String id, int days) {
        TestDatabases.execute(
                store.settings(),
                "UPDATE app_keys SET token_created_in = TIMESTAMP WITH TIME ZONE '"
                        + Instant.now()
                                .minus(Duration.ofDays(days))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString()
                                .replace('T', ' ')
                                .replace("Z", "+00:00")
                        + "' WHERE id = '" + id + "'");
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
