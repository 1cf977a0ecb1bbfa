package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code auth login} exchanges a key pair for a signed token, read from standard input or the environment as
 * {@code auth check} reads the appToken; {@code auth validate} checks such a token, as the server's
 * {@code credential/validate} does.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.appkeys.adapter.cli.TestStore#all")
class AuthLoginCommandTest {

    private final Cli cli;
    private final String account;
    private final String appKey;
    private final String appToken;

    AuthLoginCommandTest(TestStore store) {
        this.cli = Cli.on(store);
        this.account = cli.newAccount();
        JsonNode key = cli.createKey(account, "signed");
        this.appKey = key.get("appKey").asText();
        this.appToken = key.get("appToken").asText();
    }

    @AfterParameterizedClassInvocation
    static void dropStore(TestStore store) {
        store.drop();
    }

    @Test
    void login_printsASignedTokenAndItsExpiry_whichValidateAccepts() {
        Result login = cli.withInput(appToken + "\n", "auth", "login", "--app-key", appKey, "--json")
                .ok();
        JsonNode printed = login.json();
        String token = printed.get("token").asText();

        assertEquals(appKey, printed.get("appKey").asText());
        assertEquals(account, printed.get("account").asText());
        Instant expires = Instant.parse(printed.get("expires").asText());
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofHours(23))), expires::toString);
        assertTrue(login.err().contains(AuthCommand.SIGNED_SHOWN_ONCE), login::toString);
        assertFalse(login.out().contains(appToken));

        Result validated = cli.withInput(token + "\n", "auth", "validate").ok();
        assertEquals("Authenticated: " + appKey + " of account " + account + ".\n", validated.out());
        String forbidden = cli.with(TokenInput.SIGNED_VARIABLE, token)
                .run("auth", "validate", "--resource", "ViewApiKeys")
                .fails(ExitCodes.FORBIDDEN);
        assertTrue(forbidden.contains("do not grant ViewApiKeys"), forbidden);
    }

    @Test
    void aWrongPair_andAWrongToken_areRejected_withOneMessageEach() {
        String wrongPair = cli.withInput("A".repeat(128) + "\n", "auth", "login", "--app-key", appKey)
                .fails(ExitCodes.NOT_AUTHENTICATED);
        assertEquals("appkeys auth login: " + AuthCommand.PAIR_REJECTED, wrongPair);

        String token = cli.with(TokenInput.VARIABLE, appToken)
                .run("auth", "login", "--app-key", appKey, "--json")
                .json()
                .get("token")
                .asText();
        for (String wrong : new String[] {token + "x", "not.a.token", appToken}) {
            String line = cli.withInput(wrong + "\n", "auth", "validate").fails(ExitCodes.NOT_AUTHENTICATED);
            assertEquals("appkeys auth validate: " + AuthCommand.SIGNED_REJECTED, line);
        }

        cli.run("key", "deactivate", appKey, "--account", account).ok();
        assertEquals(
                "appkeys auth validate: " + AuthCommand.SIGNED_REJECTED,
                cli.withInput(token + "\n", "auth", "validate").fails(ExitCodes.NOT_AUTHENTICATED));
    }

    @Test
    void aSignedTokenGivenAsAnArgument_isRefused_andNotEchoed() {
        String token = cli.with(TokenInput.VARIABLE, appToken)
                .run("auth", "login", "--app-key", appKey, "--json")
                .json()
                .get("token")
                .asText();

        String line = cli.run("auth", "validate", token).fails(ExitCodes.USAGE);

        assertFalse(line.contains(token.substring(token.lastIndexOf('.') + 1)), line);
        assertTrue(line.contains("[redacted]"), line);
    }
}
