package io.appkeys.adapter.cli;

import static io.appkeys.adapter.cli.JsonShapes.fieldsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("io.appkeys.adapter.cli.TestStore#all")
class AccessCommandsTest {

    private final Cli cli;
    private final String account;

    AccessCommandsTest(TestStore store) {
        this.cli = Cli.on(store);
        this.account = cli.newAccount();
    }

    @AfterParameterizedClassInvocation
    static void dropStore(TestStore store) {
        store.drop();
    }

    @Test
    void roleList_showsThePredefinedRolesWithTheirResources() {
        Result table = cli.run("role", "list", "--account", account).ok();

        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).matches("ID +NAME +PREDEFINED +RESOURCES"), table::toString);
        assertTrue(
                lines.stream()
                        .anyMatch(line -> line.matches("\\d+ +Owner \\(Admin Super\\) +true +EditApiKeys,"
                                + " EditApiKeysSettings, RenewApiToken, ViewApiKeys")),
                table::toString);
        assertTrue(
                lines.stream()
                        .anyMatch(line -> line.matches("\\d+ +User Administrator - RESTRICTED +true"
                                + " +EditApiKeys, Save_User, ViewApiKeys")),
                table::toString);
    }

    @Test
    void roleList_json_isAnArrayOfRoles() {
        JsonNode roles = cli.run("role", "list", "--account", account, "--json").json();

        assertEquals(2, roles.size());
        assertEquals(Set.of("id", "name", "predefined", "resources"), fieldsOf(roles.get(0)));
        assertEquals("Owner (Admin Super)", roles.get(0).get("name").asText());
        assertTrue(roles.get(0).get("predefined").asBoolean());
        assertEquals(4, roles.get(0).get("resources").size());
    }

    @Test
    void resourceCreate_thenRoleCreate_grantsTheAccountsOwnResources() {
        JsonNode resource = cli.run(
                        "resource",
                        "create",
                        "orders.read",
                        "--product",
                        "Orders",
                        "--category",
                        "Order data",
                        "--account",
                        account,
                        "--json")
                .json();
        assertEquals(Set.of("name", "product", "category"), fieldsOf(resource));
        cli.run(
                        "resource",
                        "create",
                        "orders.write",
                        "--product",
                        "Orders",
                        "--category",
                        "Order data",
                        "--account",
                        account)
                .ok()
                .printed("orders.write");

        JsonNode role = cli.run(
                        "role",
                        "create",
                        "--name",
                        "Orders clerk",
                        "--resource",
                        "orders.read,orders.write",
                        "--account",
                        account,
                        "--json")
                .json();

        assertFalse(role.get("predefined").asBoolean());
        assertEquals(List.of("orders.read", "orders.write"), texts(role.get("resources")));
        Result resources = cli.run("resource", "list", "--account", account).ok();
        assertTrue(resources.out().lines().findFirst().orElseThrow().matches("NAME +PRODUCT +CATEGORY"));
        assertTrue(
                resources.out().lines().anyMatch(line -> line.matches("orders\\.read +Orders +Order data")),
                resources::toString);
        assertTrue(resources.out().contains("Save_User"), "predefined resources are listed too");
    }

    @Test
    void definingAResourceTwice_isAConflict() {
        cli.run(
                        "resource",
                        "create",
                        "reports.view",
                        "--product",
                        "Reports",
                        "--category",
                        "Read",
                        "--account",
                        account)
                .ok();

        cli.run(
                        "resource",
                        "create",
                        "reports.view",
                        "--product",
                        "Reports",
                        "--category",
                        "Read",
                        "--account",
                        account)
                .fails(ExitCodes.CONFLICT);
    }

    @Test
    void aRoleOfAnUnknownResource_isAUsageError_andCreatesNoRole() {
        String line = cli.run("role", "create", "--name", "Ghost", "--resource", "no.such", "--account", account)
                .fails(ExitCodes.USAGE);

        assertEquals("appkeys role create: resource no.such does not exist in account " + account, line);
        assertEquals(
                2,
                cli.run("role", "list", "--account", account, "--json").json().size());
    }

    @Test
    void grantAndRevoke_changeTheRolesOfAKey_andTheAuditLogRecordsBoth() {
        JsonNode key = cli.createKey(account, "granted");
        String appKey = key.get("appKey").asText();
        String owner = roleId("Owner (Admin Super)");

        Result granted = cli.run("role", "grant", owner, "--to", appKey, "--account", account)
                .ok();

        granted.printed("Granted role " + owner + " (Owner (Admin Super)) to " + appKey + ".");
        assertEquals(List.of("Owner (Admin Super)"), roleNames(key.get("id").asText()));
        JsonNode revoked = cli.run(
                        "role", "revoke", owner, "--from", key.get("id").asText(), "--account", account, "--json")
                .json();
        assertEquals(Set.of("principal", "revoked", "held", "roles"), fieldsOf(revoked));
        assertTrue(revoked.get("held").asBoolean());
        assertEquals(0, revoked.get("roles").size());
        assertEquals(List.of(), roleNames(appKey));
        List<String> actions = actions();
        assertEquals(List.of("ROLE_LINKED", "ROLE_UNLINKED"), actions.subList(actions.size() - 2, actions.size()));
    }

    @Test
    void grant_json_showsTheRolesAfterwards_andGrantingToAUserByEmailWorks() {
        cli.run("user", "add", "ops@example.com", "--account", account).ok();

        String administrator = roleId("User Administrator - RESTRICTED");

        JsonNode granted = cli.run(
                        "role", "grant", administrator, "--to", "ops@example.com", "--account", account, "--json")
                .json();

        assertEquals(Set.of("principal", "granted", "roles"), fieldsOf(granted));
        assertEquals("ops@example.com", granted.get("principal").asText());
        assertEquals(administrator, granted.get("granted").get("id").asText());
        assertEquals(
                "User Administrator - RESTRICTED",
                granted.get("roles").get(0).get("name").asText());
    }

    @Test
    void revokingARoleNotHeld_changesNothing_andSaysSo() {
        String appKey = cli.createKey(account, "plain").get("appKey").asText();
        String administrator = roleId("User Administrator - RESTRICTED");
        int events = actions().size();

        cli.run("role", "revoke", administrator, "--from", appKey, "--account", account)
                .ok()
                .printed(appKey + " did not hold role " + administrator
                        + " (User Administrator - RESTRICTED); nothing changed.");

        assertEquals(events, actions().size());
    }

    @Test
    void grantingAnUnknownRole_isNotFound_andChangesNothing() {
        JsonNode key = cli.createKey(account, "unchanged");
        int events = actions().size();

        String line = cli.run("role", "grant", "999", "--to", key.get("appKey").asText(), "--account", account)
                .fails(ExitCodes.NOT_FOUND);

        assertEquals("appkeys role grant: role 999 does not exist in account " + account, line);
        assertEquals(List.of(), roleNames(key.get("id").asText()));
        assertEquals(events, actions().size());
        cli.run("role", "revoke", "999", "--from", key.get("appKey").asText(), "--account", account)
                .fails(ExitCodes.NOT_FOUND);
    }

    @Test
    void grantingToAnUnknownPrincipal_isNotFound() {
        String line = cli.run(
                        "role",
                        "grant",
                        roleId("Owner (Admin Super)"),
                        "--to",
                        "ghost@example.com",
                        "--account",
                        account)
                .fails(ExitCodes.NOT_FOUND);

        assertEquals("appkeys role grant: no user or app key ghost@example.com in account " + account, line);
    }

    @Test
    void aRoleIdThatIsNotAPositiveNumber_isAUsageError() {
        String line = cli.run("role", "grant", "owner", "--to", "ghost@example.com", "--account", account)
                .fails(ExitCodes.USAGE);

        assertTrue(line.contains("role id 'owner' must be a positive integer"), line);
    }

    @Test
    void aRoleOfAnotherAccount_isNotFound() {
        String other = cli.newAccount();
        String theirs = roleId(other, "Owner (Admin Super)");
        String appKey = cli.createKey(account, "mine").get("appKey").asText();

        cli.run("role", "grant", theirs, "--to", appKey, "--account", account).fails(ExitCodes.NOT_FOUND);
    }

    private String roleId(String name) {
        return roleId(account, name);
    }

    /** Role ids are unique across the store, so each account's predefined roles have ids of their own. */
    private String roleId(String inAccount, String name) {
        for (JsonNode role :
                cli.run("role", "list", "--account", inAccount, "--json").json()) {
            if (role.get("name").asText().equals(name)) {
                return role.get("id").asText();
            }
        }
        throw new AssertionError("no role " + name + " in " + inAccount);
    }

    private List<String> roleNames(String key) {
        JsonNode shown =
                cli.run("key", "show", key, "--account", account, "--json").json();
        List<String> names = new ArrayList<>();
        shown.get("roles").forEach(role -> names.add(role.get("name").asText()));
        return names;
    }

    private List<String> actions() {
        JsonNode events =
                cli.run("audit", "list", "--account", account, "--json").json().get("items");
        List<String> actions = new ArrayList<>();
        events.forEach(event -> actions.add(event.get("action").asText()));
        return actions;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
