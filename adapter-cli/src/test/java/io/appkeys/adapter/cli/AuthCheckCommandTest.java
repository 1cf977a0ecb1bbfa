package io.appkeys.adapter.cli;

import static io.appkeys.adapter.cli.JsonShapes.fieldsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("io.appkeys.adapter.cli.TestStore#all")
class AuthCheckCommandTest {

    private final Cli cli;
    private final String account;
    private final String appKey;
    private final String token;

    AuthCheckCommandTest(TestStore store) {
        this.cli = Cli.on(store);
        this.account = cli.newAccount();
        JsonNode key = cli.createKey(account, "gateway");
        this.appKey = key.get("appKey").asText();
        this.token = key.get("appToken").asText();
    }

    @AfterParameterizedClassInvocation
    static void dropStore(TestStore store) {
        store.drop();
    }

    @Test
    void aValidPairOnStandardInput_isAuthenticated() {
        Result checked = cli.withInput(token + "\n", "auth", "check", "--app-key", appKey)
                .ok();

        assertEquals("Authenticated: " + appKey + " of account " + account + ".\n", checked.out());
        assertFalse(checked.out().contains(token));
    }

    @Test
    void eachSuccessfulCheck_isCountedInTheKeysUsage_shownHourlyAndInShow() {
        for (int i = 0; i < 3; i++) {
            cli.withInput(token + "\n", "auth", "check", "--app-key", appKey).ok();
        }
        cli.withInput("X\n", "auth", "check", "--app-key", appKey).fails(ExitCodes.NOT_AUTHENTICATED);

        JsonNode hours = cli.run("key", "usage", appKey, "--account", account, "--hours", "2", "--json")
                .json();
        assertEquals(1, hours.size(), hours::toString);
        assertEquals(Set.of("hour", "uses"), fieldsOf(hours.get(0)));
        assertEquals(3, hours.get(0).get("uses").asLong());
        assertTrue(
                cli.run("key", "usage", appKey, "--account", account).ok().out().contains("HOUR"));
        JsonNode shown =
                cli.run("key", "show", appKey, "--account", account, "--json").json();
        assertEquals(3, shown.get("usesLast24Hours").asLong());
        assertEquals(3, shown.get("usesLast7Days").asLong());

        cli.run("key", "usage", appKey, "--account", account, "--hours", "0").fails(ExitCodes.USAGE);
        String other = cli.createKey(account, "unused").get("appKey").asText();
        assertEquals(
                "No use in the last 24 hours.\n",
                cli.run("key", "usage", other, "--account", account).ok().out());
    }

    @Test
    void theTokenMayComeFromAPPKEYS_APP_TOKEN() {
        JsonNode checked = cli.with("APPKEYS_APP_TOKEN", token)
                .run("auth", "check", "--app-key", appKey, "--json")
                .json();

        assertEquals(Set.of("authenticated", "account", "appKey", "id"), fieldsOf(checked));
        assertTrue(checked.get("authenticated").asBoolean());
        assertEquals(account, checked.get("account").asText());
    }

    @Test
    void noTokenOnStandardInputNorInTheEnvironment_isAUsageError_andTouchesNothing() {
        String line = cli.withInput("", "auth", "check", "--app-key", appKey).fails(ExitCodes.USAGE);

        assertEquals("appkeys auth check: no appToken given: pipe it on standard input or set APPKEYS_APP_TOKEN", line);
        assertTrue(lastUsedIn().isNull(), "no check happened");
        cli.withInput("   \n", "auth", "check", "--app-key", appKey).fails(ExitCodes.USAGE);
    }

    @Test
    void theTokenIsNeverTakenFromAnArgument_andIsNotEchoedWhenGivenAsOne() {
        String line = cli.run("auth", "check", "--app-key", appKey, token).fails(ExitCodes.USAGE);

        assertFalse(line.contains(token), line);
        assertTrue(line.contains("[redacted]"), line);
        assertTrue(lastUsedIn().isNull());
    }

    @Test
    void aWrongToken_isRejected_withTheSameMessageAsAnUnknownKey() {
        String wrong = token.substring(0, 100) + "A".repeat(28);

        String wrongToken =
                cli.withInput(wrong, "auth", "check", "--app-key", appKey).fails(ExitCodes.NOT_AUTHENTICATED);
        String unknownKey = cli.withInput(token, "auth", "check", "--app-key", "vtexappkey-" + account + "-QQQQQQ")
                .fails(ExitCodes.NOT_AUTHENTICATED);
        String malformed =
                cli.withInput("short", "auth", "check", "--app-key", appKey).fails(ExitCodes.NOT_AUTHENTICATED);

        assertEquals(
                "appkeys auth check: rejected: the appKey and appToken do not match an active app key", wrongToken);
        assertEquals(wrongToken, unknownKey);
        assertEquals(wrongToken, malformed);
        assertFalse(wrongToken.contains(wrong.substring(0, 20)));
    }

    @Test
    void aDeactivatedKey_isRejected() {
        cli.run("key", "deactivate", appKey, "--account", account).ok();

        cli.withInput(token, "auth", "check", "--app-key", appKey).fails(ExitCodes.NOT_AUTHENTICATED);

        cli.run("key", "activate", appKey, "--account", account).ok();
        cli.withInput(token, "auth", "check", "--app-key", appKey).ok();
    }

    @Test
    void aResourceThatTheKeysRolesGrant_isAllowed_andOneTheyDoNot_isForbidden() {
        String line = cli.withInput(token, "auth", "check", "--app-key", appKey, "--resource", "ViewApiKeys")
                .fails(ExitCodes.FORBIDDEN);
        assertEquals(
                "appkeys auth check: forbidden: " + appKey + " is authenticated, but its roles do not grant"
                        + " ViewApiKeys",
                line);

        String owner = cli.run("role", "list", "--account", account, "--json")
                .json()
                .get(0)
                .get("id")
                .asText();
        cli.run("role", "grant", owner, "--to", appKey, "--account", account).ok();

        JsonNode allowed = cli.withInput(
                        token, "auth", "check", "--app-key", appKey, "--resource", "ViewApiKeys", "--json")
                .json();
        assertEquals(Set.of("authenticated", "account", "appKey", "id", "resource", "allowed"), fieldsOf(allowed));
        assertTrue(allowed.get("allowed").asBoolean());
        cli.withInput(token, "auth", "check", "--app-key", appKey, "--resource", "ViewApiKeys")
                .ok()
                .printed("Allowed: " + appKey + " of account " + account + " holds ViewApiKeys.");
    }

    @Test
    void withAccount_theKeyMustBelongToThatAccount_orBeGrantedRolesThere() {
        String other = cli.newAccount();

        cli.withInput(token, "auth", "check", "--app-key", appKey, "--account", account)
                .ok();
        String line = cli.withInput(token, "auth", "check", "--app-key", appKey, "--account", other)
                .fails(ExitCodes.FORBIDDEN);

        assertEquals(
                "appkeys auth check: forbidden: " + appKey + " is authenticated, but it is not a key of" + " account "
                        + other + " and that account granted it no role",
                line);
        cli.with("APPKEYS_ACCOUNT", other)
                .withInput(token, "auth", "check", "--app-key", appKey)
                .ok();
    }

    @Test
    void aSuccessfulCheck_recordsTheKeysLastUse_beforeTheCommandEnds() {
        assertTrue(lastUsedIn().isNull());

        cli.withInput(token, "auth", "check", "--app-key", appKey).ok();

        assertFalse(lastUsedIn().isNull(), "closing the store wrote the noted use");
    }

    @Test
    void aMalformedAppKey_isAUsageError() {
        String line =
                cli.withInput(token, "auth", "check", "--app-key", "nokey").fails(ExitCodes.USAGE);

        assertTrue(line.contains("appKey 'nokey' must look like {prefix}-{account}-{SUFFIX}"), line);
    }

    private JsonNode lastUsedIn() {
        return cli.run("key", "show", appKey, "--account", account, "--json")
                .json()
                .get("lastUsedIn");
    }
}
