package io.appkeys.adapter.cli;

import static io.appkeys.adapter.cli.JsonShapes.fieldsOf;
import static io.appkeys.adapter.cli.JsonShapes.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("io.appkeys.adapter.cli.TestStore#all")
class KeyCommandsTest {

    private static final Set<String> KEY_FIELDS = Set.of(
            "id",
            "appKey",
            "label",
            "createdIn",
            "isActive",
            "lastUsedIn",
            "expiresIn",
            "expired",
            "allowedNetworks",
            "metadata");
    private static final Set<String> TOKEN_AGE_FIELDS = Set.of("tokenCreatedIn", "tokenAgeDays", "tokenAgeStatus");
    private static final Set<String> TOKEN_FIELDS = union(
            TOKEN_AGE_FIELDS, Set.of("tokenLastUsedIn", "newTokenCreatedIn", "newTokenLastUsedIn", "tokenExpiresIn"));

    private final Cli cli;
    private final String account;

    KeyCommandsTest(TestStore store) {
        this.cli = Cli.on(store);
        this.account = cli.newAccount();
    }

    @AfterParameterizedClassInvocation
    static void dropStore(TestStore store) {
        store.drop();
    }

    @Test
    void keyCreate_printsTheTokenOnce_withANoticeThatItWillNotBeShownAgain() {
        Result created = cli.run("key", "create", "--account", account, "--label", "orders sync")
                .ok();

        String token = created.detail("appToken");
        assertTrue(token.matches("[A-Z]{128}"), created::toString);
        assertTrue(created.detail("appKey").startsWith("vtexappkey-" + account + "-"), created::toString);
        created.printed("label            orders sync").printed("isActive         true");
        assertTrue(created.out().strip().endsWith("it will not be shown again."), created::toString);
        assertEquals("", created.err());
    }

    @Test
    void keyCreate_json_hasTheKeyAndItsToken_andTheNoticeGoesToStderr() {
        Result created = cli.run("key", "create", "--account", account, "--label", "billing", "--json");

        JsonNode key = created.json();
        assertEquals(fieldsOf(key), union(KEY_FIELDS, Set.of("appToken")));
        assertEquals("billing", key.get("label").asText());
        assertTrue(key.get("isActive").asBoolean());
        assertTrue(key.get("lastUsedIn").isNull());
        assertEquals(128, key.get("appToken").asText().length());
        assertTrue(created.err().contains("will not be shown again"), created::toString);
    }

    @Test
    void anExpiry_isSetAtCreation_orLater_andCleared_andShown() {
        Instant before = Instant.now();
        JsonNode created = cli.run(
                        "key", "create", "--account", account, "--label", "short", "--expires-in", "90d", "--json")
                .json();
        Instant expires = Instant.parse(created.get("expiresIn").asText());
        assertTrue(!expires.isBefore(before.plus(Duration.ofDays(90)))
                && expires.isBefore(Instant.now().plus(Duration.ofDays(90)).plusSeconds(1)));
        assertFalse(created.get("expired").asBoolean());
        String id = created.get("id").asText();

        JsonNode at = cli.run("key", "expire", id, "--at", "2099-01-31T00:00:00Z", "--account", account, "--json")
                .json();
        assertEquals("2099-01-31T00:00:00Z", at.get("expiresIn").asText());
        JsonNode in = cli.run("key", "expire", id, "--in", "12h", "--account", account, "--json")
                .json();
        assertTrue(Instant.parse(in.get("expiresIn").asText())
                .isBefore(Instant.now().plus(Duration.ofHours(13))));
        JsonNode never = cli.run("key", "expire", id, "--never", "--account", account, "--json")
                .json();
        assertTrue(never.get("expiresIn").isNull());
        assertTrue(cli.run("key", "show", id, "--account", account).ok().out().contains("expired"));
        assertTrue(cli.run("key", "list", "--account", account).ok().out().contains("EXPIRES IN"));
    }

    @Test
    void aBadLifetime_orAnExpiryInThePast_orTwoOfThem_areUsageErrors_andChangeNothing() {
        String id = createKey("k").get("id").asText();

        for (String[] args : List.of(
                new String[] {"key", "create", "--account", account, "--label", "x", "--expires-in", "0d"},
                new String[] {"key", "create", "--account", account, "--label", "x", "--expires-in", "soon"},
                new String[] {"key", "expire", id, "--account", account, "--at", "2001-01-01T00:00:00Z"},
                new String[] {"key", "expire", id, "--account", account, "--in", "1d", "--never"},
                new String[] {"key", "expire", id, "--account", account})) {
            cli.run(args).fails(ExitCodes.USAGE);
        }
        assertTrue(cli.run("key", "show", id, "--account", account, "--json")
                .json()
                .get("expiresIn")
                .isNull());
    }

    @Test
    void theToken_isNeverShownAgain_byListShowOrAnyJson() {
        JsonNode key = createKey("never again");
        String token = key.get("appToken").asText();
        String id = key.get("id").asText();

        List<Result> later = List.of(
                cli.run("key", "list", "--account", account),
                cli.run("key", "list", "--account", account, "--json"),
                cli.run("key", "show", id, "--account", account),
                cli.run("key", "show", id, "--account", account, "--json"),
                cli.run("key", "deactivate", id, "--account", account, "--json"),
                cli.run("key", "activate", id, "--account", account),
                cli.run("audit", "list", "--account", account, "--json"));

        for (Result result : later) {
            result.ok();
            assertFalse(result.out().contains(token) || result.err().contains(token), result::toString);
            assertFalse(result.out().contains("appToken"), result::toString);
        }
    }

    @Test
    void keyList_showsATableOfKeys_orSaysThereAreNone() {
        cli.run("key", "list", "--account", account).ok().printed("No app keys.");
        createKey("first");
        createKey("second");

        Result table = cli.run("key", "list", "--account", account).ok();

        List<String> lines = table.out().lines().toList();
        assertEquals(3, lines.size(), table::toString);
        assertTrue(
                lines.get(0)
                        .matches("ID +APP KEY +LABEL +IS ACTIVE +CREATED IN +LAST USED IN +EXPIRES IN +EXPIRED"
                                + " +TOKEN AGE DAYS +TOKEN AGE STATUS"),
                table::toString);
        assertTrue(lines.get(1).contains("first") && lines.get(2).contains("second"), table::toString);
        assertEquals(lines.get(0).indexOf("LABEL"), lines.get(1).indexOf("first"), "columns are aligned");
    }

    @Test
    void keyList_json_isAPageOfKeys_andTheCursorLeadsToTheNextPage() {
        List<String> labels = List.of("k1", "k2", "k3");
        labels.forEach(this::createKey);

        JsonNode first = cli.run("key", "list", "--account", account, "--limit", "2", "--json")
                .json();
        assertEquals(Set.of("items", "next"), fieldsOf(first));
        assertEquals(2, first.get("items").size());
        assertEquals(
                union(KEY_FIELDS, TOKEN_AGE_FIELDS), fieldsOf(first.get("items").get(0)));
        JsonNode second = cli.run(
                        "key",
                        "list",
                        "--account",
                        account,
                        "--limit",
                        "2",
                        "--after",
                        first.get("next").asText(),
                        "--json")
                .json();

        List<String> seen = new ArrayList<>();
        first.get("items").forEach(item -> seen.add(item.get("label").asText()));
        second.get("items").forEach(item -> seen.add(item.get("label").asText()));
        assertEquals(labels, seen);
        assertTrue(second.get("next").isNull());
    }

    @Test
    void keyList_forPeople_endsWithTheCursorOfTheNextPage() {
        createKey("one");
        createKey("two");

        Result page =
                cli.run("key", "list", "--account", account, "--limit", "1").ok();

        String last = page.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("Next page: --after "), page::toString);
        String cursor = last.substring("Next page: --after ".length());
        cli.run("key", "list", "--account", account, "--limit", "1", "--after", cursor)
                .ok()
                .printed("two");
    }

    @Test
    void keyList_byLabelAndState_listsTheMatchingKeysOnly() {
        createKey("Orders sync");
        createKey("billing");
        String backup = createKey("orders backup").get("id").asText();
        createKey("50% off");
        createKey("500 off");
        cli.run("key", "deactivate", backup, "--account", account).ok();

        assertEquals(List.of("Orders sync", "orders backup"), listedLabels("--label", "ORDERS"));
        assertEquals(List.of("Orders sync"), listedLabels("--label", " orders ", "--active"));
        assertEquals(List.of("orders backup"), listedLabels("--inactive"));
        assertEquals(List.of("50% off"), listedLabels("--label", "50%"));
        cli.run("key", "list", "--account", account, "--label", "invoices").ok().printed("No app keys match.");
    }

    @Test
    void keyList_withActiveAndInactive_orALabelOver100Characters_isAUsageError() {
        cli.run("key", "list", "--account", account, "--active", "--inactive").fails(ExitCodes.USAGE);

        String line = cli.run("key", "list", "--account", account, "--label", "x".repeat(101))
                .fails(ExitCodes.USAGE);
        assertTrue(line.contains("a label filter must be at most 100 characters"), line);
    }

    @Test
    void keyShow_byIdOrAppKey_givesTheKeyItsTokenDatesAndRoles() {
        JsonNode key = createKey("shown");

        JsonNode byId = cli.run("key", "show", key.get("id").asText(), "--account", account, "--json")
                .json();
        JsonNode byAppKey = cli.run("key", "show", key.get("appKey").asText(), "--account", account, "--json")
                .json();

        assertEquals(byId, byAppKey);
        assertEquals(
                union(KEY_FIELDS, union(TOKEN_FIELDS, Set.of("roles", "usesLast24Hours", "usesLast7Days"))),
                fieldsOf(byId));
        assertEquals(0, byId.get("roles").size());
        assertEquals(0, byId.get("usesLast24Hours").asLong());
        assertTrue(byId.get("newTokenCreatedIn").isNull());
        cli.run("key", "show", key.get("appKey").asText(), "--account", account)
                .ok()
                .printed("appKey              " + key.get("appKey").asText());
    }

    @Test
    void keyShow_ofAnUnknownKey_isNotFound() {
        String line = cli.run("key", "show", "vtexappkey-" + account + "-ZZZZZZ", "--account", account)
                .fails(ExitCodes.NOT_FOUND);

        assertEquals(
                "appkeys key show: app key vtexappkey-" + account + "-ZZZZZZ not found in account " + account, line);
    }

    @Test
    void keyShow_ofAKeyOfAnotherAccount_isNotFound() {
        String other = cli.newAccount();
        JsonNode theirs = cli.createKey(other, "theirs");

        cli.run("key", "show", theirs.get("id").asText(), "--account", account).fails(ExitCodes.NOT_FOUND);
        cli.run("key", "delete", theirs.get("appKey").asText(), "--account", account)
                .fails(ExitCodes.NOT_FOUND);

        cli.run("key", "show", theirs.get("id").asText(), "--account", other).ok();
    }

    @Test
    void changingAnUnknownKey_isNotFound_andChangesNothing() {
        JsonNode existing = createKey("bystander");
        String unknown = "vtexappkey-" + account + "-NOSUCH";
        JsonNode auditBefore =
                cli.run("audit", "list", "--account", account, "--json").json();

        for (String command :
                List.of("activate", "deactivate", "renew", "finish-renewal", "cancel-renewal", "delete")) {
            String line = cli.run("key", command, unknown, "--account", account).fails(ExitCodes.NOT_FOUND);
            assertEquals("appkeys key " + command + ": app key " + unknown + " not found in account " + account, line);
        }

        assertEquals(
                auditBefore,
                cli.run("audit", "list", "--account", account, "--json").json());
        JsonNode keys =
                cli.run("key", "list", "--account", account, "--json").json().get("items");
        assertEquals(1, keys.size());
        assertEquals(existing.get("id"), keys.get(0).get("id"));
        assertTrue(keys.get(0).get("isActive").asBoolean());
    }

    @Test
    void keyShow_ofSomethingThatIsNeitherIdNorAppKey_isAUsageError() {
        String line = cli.run("key", "show", "not-a-key", "--account", account).fails(ExitCodes.USAGE);

        assertTrue(line.contains("'not-a-key' is neither an app key id nor an appKey"), line);
    }

    @Test
    void deactivateThenActivate_switchesIsActive() {
        String id = createKey("switch").get("id").asText();

        JsonNode off =
                cli.run("key", "deactivate", id, "--account", account, "--json").json();
        assertFalse(off.get("isActive").asBoolean());
        assertFalse(show(id).get("isActive").asBoolean());

        cli.run("key", "activate", id, "--account", account).ok().printed("isActive         true");
        assertTrue(show(id).get("isActive").asBoolean());
    }

    @Test
    void renew_printsTheNewTokenOnce_andFinishRenewal_endsTheOldToken() {
        JsonNode key = createKey("rotating");
        String id = key.get("id").asText();
        String appKey = key.get("appKey").asText();
        String oldToken = key.get("appToken").asText();

        Result renewed = cli.run("key", "renew", appKey, "--account", account, "--json");
        JsonNode renewal = renewed.json();
        assertEquals(union(TOKEN_FIELDS, Set.of("id", "appKey", "appToken")), fieldsOf(renewal));
        String newToken = renewal.get("appToken").asText();
        assertTrue(newToken.matches("[A-Z]{128}") && !newToken.equals(oldToken));
        assertTrue(renewed.err().contains("will not be shown again"), renewed::toString);
        assertFalse(show(id).get("newTokenCreatedIn").isNull());
        cli.withInput(oldToken, "auth", "check", "--app-key", appKey).ok();
        cli.withInput(newToken, "auth", "check", "--app-key", appKey).ok();

        JsonNode finished = cli.run("key", "finish-renewal", id, "--account", account, "--json")
                .json();

        assertEquals(union(TOKEN_FIELDS, Set.of("id", "appKey")), fieldsOf(finished));
        assertTrue(finished.get("newTokenCreatedIn").isNull());
        cli.withInput(oldToken, "auth", "check", "--app-key", appKey).fails(ExitCodes.NOT_AUTHENTICATED);
        cli.withInput(newToken, "auth", "check", "--app-key", appKey).ok();
    }

    @Test
    void renew_forPeople_printsTheTokenAndTheNotice() {
        String appKey = createKey("human renewal").get("appKey").asText();

        Result renewed = cli.run("key", "renew", appKey, "--account", account).ok();

        assertTrue(renewed.detail("appToken").matches("[A-Z]{128}"), renewed::toString);
        assertTrue(renewed.out().strip().endsWith("it will not be shown again."), renewed::toString);
    }

    @Test
    void renewWhilePending_isAConflict_andKeepsThePendingToken() {
        JsonNode key = createKey("twice");
        String appKey = key.get("appKey").asText();
        String pending = cli.run("key", "renew", appKey, "--account", account, "--json")
                .json()
                .get("appToken")
                .asText();

        String line = cli.run("key", "renew", appKey, "--account", account).fails(ExitCodes.CONFLICT);

        assertTrue(line.startsWith("appkeys key renew: a renewal is already pending"), line);
        cli.withInput(pending, "auth", "check", "--app-key", appKey).ok();
    }

    @Test
    void cancelRenewal_dropsTheNewToken_andWithoutOnePending_isNotFound() {
        JsonNode key = createKey("cancelled");
        String appKey = key.get("appKey").asText();
        String newToken = cli.run("key", "renew", appKey, "--account", account, "--json")
                .json()
                .get("appToken")
                .asText();

        cli.run("key", "cancel-renewal", appKey, "--account", account)
                .ok()
                .printed("Renewal cancelled: the new" + " appToken of " + appKey
                        + " no longer works; the current one still does.");

        cli.withInput(newToken, "auth", "check", "--app-key", appKey).fails(ExitCodes.NOT_AUTHENTICATED);
        cli.withInput(key.get("appToken").asText(), "auth", "check", "--app-key", appKey)
                .ok();
        cli.run("key", "cancel-renewal", appKey, "--account", account).fails(ExitCodes.NOT_FOUND);
        cli.run("key", "finish-renewal", appKey, "--account", account).fails(ExitCodes.NOT_FOUND);
    }

    @Test
    void delete_removesTheKey_andItsTokenStopsWorking() {
        JsonNode key = createKey("doomed");
        String id = key.get("id").asText();

        JsonNode deleted =
                cli.run("key", "delete", id, "--account", account, "--json").json();

        assertTrue(deleted.get("deleted").asBoolean());
        assertEquals(id, deleted.get("id").asText());
        cli.run("key", "show", id, "--account", account).fails(ExitCodes.NOT_FOUND);
        cli.withInput(
                        key.get("appToken").asText(),
                        "auth",
                        "check",
                        "--app-key",
                        key.get("appKey").asText())
                .fails(ExitCodes.NOT_AUTHENTICATED);
        cli.run("key", "delete", id, "--account", account).fails(ExitCodes.NOT_FOUND);
    }

    @Test
    void aLabelOver100Characters_isAUsageError_andCreatesNoKey() {
        String line = cli.run("key", "create", "--account", account, "--label", "x".repeat(101))
                .fails(ExitCodes.USAGE);

        assertEquals(
                "appkeys key create: Invalid value for option '--label': label must be at most 100 characters,"
                        + " got 101 (see 'appkeys key create --help')",
                line);
        assertEquals(
                0,
                cli.run("key", "list", "--account", account, "--json")
                        .json()
                        .get("items")
                        .size());
        assertAuditHasNo("KEY_CREATED");
    }

    @Test
    void aLabelOfExactly100Characters_isAccepted() {
        assertEquals(100, createKey("y".repeat(100)).get("label").asText().length());
    }

    @Test
    void keyCommandsOnAnUnknownAccount_areNotFound() {
        String line = cli.run("key", "create", "--account", "nosuchaccount", "--label", "x")
                .fails(ExitCodes.NOT_FOUND);

        assertEquals("appkeys key create: account nosuchaccount not found", line);
    }

    private JsonNode createKey(String label) {
        return cli.createKey(account, label);
    }

    private List<String> listedLabels(String... options) {
        List<String> command = new ArrayList<>(List.of("key", "list", "--account", account, "--json"));
        command.addAll(List.of(options));
        List<String> labels = new ArrayList<>();
        cli.run(command.toArray(String[]::new))
                .json()
                .get("items")
                .forEach(item -> labels.add(item.get("label").asText()));
        return labels;
    }

    private JsonNode show(String key) {
        return cli.run("key", "show", key, "--account", account, "--json").json();
    }

    private void assertAuditHasNo(String action) {
        JsonNode events =
                cli.run("audit", "list", "--account", account, "--json").json().get("items");
        events.forEach(event -> assertFalse(event.get("action").asText().equals(action), event::toString));
    }
}
