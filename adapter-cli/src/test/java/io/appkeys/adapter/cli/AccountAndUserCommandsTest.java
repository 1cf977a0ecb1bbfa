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
class AccountAndUserCommandsTest {

    private final Cli cli;

    AccountAndUserCommandsTest(TestStore store) {
        this.cli = Cli.on(store);
    }

    @AfterParameterizedClassInvocation
    static void dropStore(TestStore store) {
        store.drop();
    }

    @Test
    void accountCreate_printsTheAccountAndItsMasterUser_andAccountListShowsIt() {
        Result created = cli.run(
                        "account",
                        "create",
                        "globex",
                        "--master-email",
                        "Hank@Globex.example.com",
                        "--master-name",
                        "Hank Scorpio")
                .ok();

        assertEquals("globex", created.detail("name"));
        assertEquals("hank@globex.example.com", created.detail("masterEmail"));
        Result table = cli.run("account", "list").ok();
        assertTrue(
                table.out().lines().findFirst().orElseThrow().matches("NAME +MASTER EMAIL +CREATED IN +ID"),
                table::toString);
        assertTrue(
                table.out()
                        .lines()
                        .anyMatch(line -> line.startsWith("globex ") && line.contains("hank@globex.example.com")),
                table::toString);
    }

    @Test
    void accountCreate_json_andAccountList_json() {
        JsonNode created = cli.run(
                        "account", "create", "initech", "--master-email", "bill@initech.example.com", "--json")
                .json();

        assertEquals(Set.of("id", "name", "masterEmail", "masterUserId", "createdIn"), fieldsOf(created));
        JsonNode accounts = cli.run("account", "list", "--json").json();
        assertTrue(accounts.isArray());
        List<JsonNode> initech = new ArrayList<>();
        accounts.forEach(account -> {
            if (account.get("name").asText().equals("initech")) {
                initech.add(account);
            }
        });
        assertEquals(List.of(created), initech);
    }

    @Test
    void anInvalidAccountName_isAUsageError_andCreatesNoAccount() {
        String line = cli.run("account", "create", "Bad_Name", "--master-email", "owner@bad.example.com")
                .fails(ExitCodes.USAGE);

        assertEquals(
                "appkeys account create: Invalid value for positional parameter at index 0 (<name>): account"
                        + " name 'Bad_Name' must be a lowercase letter followed by 1 to 39 lowercase letters or digits"
                        + " (see 'appkeys account create --help')",
                line);
        assertFalse(cli.run("account", "list").ok().out().toLowerCase().contains("bad_name"));
    }

    @Test
    void anInvalidEmail_isAUsageError() {
        String line = cli.run("account", "create", "umbrella", "--master-email", "not-an-email")
                .fails(ExitCodes.USAGE);

        assertTrue(line.contains("email 'not-an-email' is not a valid email address"), line);
        cli.run("user", "list", "--account", "umbrella").fails(ExitCodes.NOT_FOUND);
    }

    @Test
    void creatingAnAccountTwice_isAConflict_andKeepsTheFirst() {
        cli.run("account", "create", "acme", "--master-email", "first@acme.example.com")
                .ok();

        String line = cli.run("account", "create", "acme", "--master-email", "second@acme.example.com")
                .fails(ExitCodes.CONFLICT);

        assertEquals("appkeys account create: account acme already exists", line);
        JsonNode users =
                cli.run("user", "list", "--account", "acme", "--json").json().get("items");
        assertEquals(1, users.size());
        assertEquals("first@acme.example.com", users.get(0).get("email").asText());
    }

    @Test
    void userAdd_list_remove() {
        String account = cli.newAccount();

        JsonNode added = cli.run(
                        "user", "add", "Jane@Example.com", "--name", "Jane Doe", "--account", account, "--json")
                .json();
        assertEquals(Set.of("id", "email", "name", "createdIn"), fieldsOf(added));
        assertEquals("jane@example.com", added.get("email").asText());
        assertEquals("Jane Doe", added.get("name").asText());

        Result table = cli.run("user", "list", "--account", account).ok();
        assertTrue(
                table.out().lines().findFirst().orElseThrow().matches("ID +EMAIL +NAME +CREATED IN"), table::toString);
        table.printed("owner@" + account + ".example.com");
        assertTrue(
                table.out().lines().anyMatch(line -> line.matches(".*jane@example\\.com +Jane Doe +.*")),
                table::toString);

        cli.run("user", "remove", "jane@example.com", "--account", account)
                .ok()
                .printed("Removed user jane@example.com (" + added.get("id").asText() + ").");
        JsonNode users = cli.run("user", "list", "--account", account, "--json").json();
        assertEquals(Set.of("items", "next"), fieldsOf(users));
        assertEquals(1, users.get("items").size());
    }

    @Test
    void addingAUserTwice_isAConflict() {
        String account = cli.newAccount();
        cli.run("user", "add", "sam@example.com", "--account", account).ok();

        cli.run("user", "add", "SAM@example.com", "--account", account).fails(ExitCodes.CONFLICT);
    }

    @Test
    void removingTheMasterUser_isAConflict_andRemovingAnUnknownUser_isNotFound() {
        String account = cli.newAccount();

        cli.run("user", "remove", "owner@" + account + ".example.com", "--account", account)
                .fails(ExitCodes.CONFLICT);
        String line = cli.run("user", "remove", "nobody@example.com", "--account", account)
                .fails(ExitCodes.NOT_FOUND);

        assertEquals("appkeys user remove: user nobody@example.com not found in account " + account, line);
        assertEquals(
                1,
                cli.run("user", "list", "--account", account, "--json")
                        .json()
                        .get("items")
                        .size());
    }

    @Test
    void accountScopedCommands_takeTheAccountFromAPPKEYS_ACCOUNT_whenTheOptionIsAbsent() {
        String account = cli.newAccount();
        String other = cli.newAccount();
        Cli inAccount = cli.with("APPKEYS_ACCOUNT", account);

        inAccount.run("user", "add", "env@example.com").ok();

        cli.run("user", "list", "--account", account).ok().printed("env@example.com");
        Result explicit = inAccount.run("user", "list", "--account", other).ok();
        assertFalse(explicit.out().contains("env@example.com"), "--account wins over APPKEYS_ACCOUNT");
    }

    @Test
    void withoutAccountOptionOrVariable_isAUsageError() {
        String line = cli.without("APPKEYS_ACCOUNT").run("key", "list").fails(ExitCodes.USAGE);

        assertEquals(
                "appkeys key list: Missing required option: '--account=<account>' (or set APPKEYS_ACCOUNT)"
                        + " (see 'appkeys key list --help')",
                line);
    }

    @Test
    void anInvalidAPPKEYS_ACCOUNT_isAUsageError_thatNamesTheVariable() {
        String line = cli.with("APPKEYS_ACCOUNT", "No Such").run("key", "list").fails(ExitCodes.USAGE);

        assertTrue(line.contains("account name 'No Such' must be") && line.contains("(from APPKEYS_ACCOUNT)"), line);
    }
}
