package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged jar as its own process, on the default embedded store in a fresh APPKEYS_HOME, with
 * production Argon2 parameters and the start-up flags recommended for the launcher script (C1 only and the
 * serial collector: a short command spends most of its CPU time in the JIT otherwise).
 */
class PackagedJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar = Path.of(System.getProperty("appkeys.cli.jar", "target/missing.jar"));
    private final Path home =
            Path.of("target", "cli-it-homes", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theJar_createsAnAccountAndAKey_andChecksTheTokenFromStandardInput() throws Exception {
        assertTrue(Files.isRegularFile(jar), "package the jar first: " + jar);

        Result help = run("", "--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().startsWith("Usage: appkeys"), help::toString);

        assertEquals(
                0,
                run("", "account", "create", "acme", "--master-email", "owner@acme.example.com")
                        .exitCode());
        Result created = run("", "key", "create", "--account", "acme", "--label", "from the jar", "--json");
        assertEquals(0, created.exitCode(), created::toString);
        JsonNode key = JSON.readTree(created.out());
        String appKey = key.get("appKey").asText();
        String token = key.get("appToken").asText();
        assertTrue(created.err().contains("will not be shown again"), created::toString);

        Result checked = run(token + "\n", "auth", "check", "--app-key", appKey);
        assertEquals(0, checked.exitCode(), checked::toString);
        assertEquals(
                "Authenticated: " + appKey + " of account acme.", checked.out().strip());

        Result listed = run("", "key", "list", "--account", "acme");
        assertEquals(0, listed.exitCode(), listed::toString);
        assertTrue(listed.out().contains(appKey) && !listed.out().contains(token), listed::toString);
        assertFalse(
                JSON.readTree(run("", "key", "show", appKey, "--account", "acme", "--json")
                                .out())
                        .get("lastUsedIn")
                        .isNull(),
                "the check's use was written before its process exited");
    }

    @Test
    void theJar_exitsWithTheDocumentedCodes_andOneLineOnStderr() throws Exception {
        Result noToken = run("", "auth", "check", "--app-key", "vtexappkey-acme-ABCDEF");
        assertEquals(ExitCodes.USAGE, noToken.exitCode(), noToken::toString);
        assertEquals(
                List.of("appkeys auth check: no appToken given: pipe it on standard input or set"
                        + " APPKEYS_APP_TOKEN"),
                noToken.err().lines().toList());

        Result unknownAccount = run("", "key", "list", "--account", "nosuch");
        assertEquals(ExitCodes.NOT_FOUND, unknownAccount.exitCode(), unknownAccount::toString);
        assertEquals(
                List.of("appkeys key list: account nosuch not found"),
                unknownAccount.err().lines().toList());
    }

    private Result run(String stdin, String... args) throws IOException, InterruptedException {
        return new PackagedCli(jar, home).run(stdin, args);
    }
}
