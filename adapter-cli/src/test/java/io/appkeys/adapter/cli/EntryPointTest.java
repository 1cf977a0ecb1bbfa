package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a whole: help, version, completion, usage errors, store selection, exit codes. */
class EntryPointTest {

    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/appkeys?password=hunter2";
    private static final List<String> LEAVES = List.of(
            "account create",
            "account list",
            "user add",
            "user list",
            "user remove",
            "key create",
            "key list",
            "key show",
            "key activate",
            "key deactivate",
            "key renew",
            "key finish-renewal",
            "key cancel-renewal",
            "key delete",
            "role list",
            "role create",
            "role grant",
            "role revoke",
            "resource list",
            "resource create",
            "audit list",
            "auth check");

    private static final TestStore STORE = TestStore.h2();

    /** Any store call would fail, after half a second: these commands must not open one. */
    private final Cli noStore = new Cli(Map.of("APPKEYS_DB_URL", UNREACHABLE, "APPKEYS_DB_TIMEOUT", "500ms"));

    @Test
    void aCommandLine_readsOnlyTheGroupItNames_theCompletionAllOfThem_andTopLevelHelpTheirOutlines() {
        assertEquals(List.of(KeyCommand.class), AppKeysCli.groupsFor(new String[] {"key", "list"}));
        assertEquals(
                List.of(RoleCommand.class),
                AppKeysCli.groupsFor(new String[] {"--json", "--db", "role", "role", "list"}),
                "the first word that is not --db's value");
        assertEquals(List.of(AuthCommand.class), AppKeysCli.groupsFor(new String[] {"--db=jdbc:h2:mem:x", "auth"}));
        for (String[] all : new String[][] {{"kye", "list"}, {"generate-completion"}}) {
            assertEquals(8, AppKeysCli.groupsFor(all).size(), String.join(" ", all));
        }
        for (String[] none : new String[][] {{}, {"--help"}, {"-V"}, {"--db", "key"}}) {
            assertEquals(List.of(), AppKeysCli.groupsFor(none), String.join(" ", none));
        }
    }

    @Test
    void aGroup_readsOnlyTheCommandNamed_andAllOfThemForItsHelpOrAnUnknownWord() {
        assertEquals(
                Set.of("list"),
                AppKeysCli.withCommands(KeyCommand.class, new String[] {"key", "list", "--due"})
                        .getSubcommands()
                        .keySet());
        assertEquals(
                Set.of("grant"),
                AppKeysCli.withCommands(RoleCommand.class, new String[] {"--json", "role", "grant", "1"})
                        .getSubcommands()
                        .keySet());
        for (String[] all : new String[][] {{"key"}, {"key", "--help"}, {"key", "lst"}}) {
            assertEquals(
                    14,
                    AppKeysCli.withCommands(KeyCommand.class, all)
                            .getSubcommands()
                            .size(),
                    String.join(" ", all));
        }
        Result typo = noStore.run("key", "lst");
        assertTrue(typo.err().contains("list"), typo::toString); // picocli's suggestion needs every command
        String groupHelp = noStore.run("key", "--help").ok().out();
        for (java.lang.reflect.Method method : KeyCommand.class.getDeclaredMethods()) {
            picocli.CommandLine.Command command = method.getAnnotation(picocli.CommandLine.Command.class);
            if (command != null) {
                assertTrue(
                        groupHelp.lines().anyMatch(line -> line.startsWith("  " + command.name() + " ")),
                        command::name);
            }
        }
    }

    @Test
    void help_listsEveryCommand_theExitCodes_andTheEnvironment() {
        Result help = noStore.run("--help").ok();

        assertTrue(help.out().startsWith("Usage: appkeys "), help::toString);
        for (String command :
                List.of("account", "user", "key", "role", "resource", "audit", "auth", "generate-completion")) {
            assertTrue(help.out().lines().anyMatch(line -> line.startsWith("  " + command + " ")), command);
        }
        List<String> codes = help.out()
                .lines()
                .dropWhile(line -> !line.equals("Exit codes:"))
                .skip(1)
                .takeWhile(line -> !line.isBlank())
                .map(String::strip)
                .toList();
        assertEquals(8, codes.size(), help::toString);
        assertTrue(codes.get(0).matches("0 +success"), codes::toString);
        assertTrue(codes.get(2).matches("2 +usage error: .*"), codes::toString);
        assertTrue(codes.get(3).matches("3 +not found: .*"), codes::toString);
        assertTrue(codes.get(4).matches("4 +conflict: .*"), codes::toString);
        assertTrue(codes.get(6).matches("6 +store unavailable: .*"), codes::toString);
        assertTrue(codes.get(5).matches("5 +not authenticated: .*"), codes::toString);
        assertTrue(codes.get(7).matches("7 +forbidden: .*"), codes::toString);
        help.printed("APPKEYS_ACCOUNT").printed("APPKEYS_APP_TOKEN");
        for (Class<?> group : List.of(KeyCommand.class, AuditCommand.class)) { // as their own annotations say
            picocli.CommandLine.Command command = group.getAnnotation(picocli.CommandLine.Command.class);
            assertTrue(
                    help.out()
                            .lines()
                            .anyMatch(line -> line.startsWith("  " + command.name() + " ")
                                    && line.endsWith(command.description()[0])),
                    help::toString);
        }
    }

    @Test
    void everyCommand_hasHelpWithItsOptionsAndTheExitCodes_withoutOpeningTheStore() {
        for (String command : LEAVES) {
            String[] args = (command + " --help").split(" ");
            Result help = noStore.run(args).ok();
            help.printed("Usage: appkeys " + command)
                    .printed("--json")
                    .printed("--db=<jdbc-url>")
                    .printed("Exit codes:")
                    .printed("6   store unavailable");
        }
        noStore.run("key", "create", "--help").printed("--label=<label>").printed("--account=<account>");
        String authHelp = noStore.run("auth", "check", "--help").ok().out().replaceAll("\\s+", " ");
        assertTrue(authHelp.contains("never from an argument"), authHelp);
    }

    @Test
    void version_isPrintedByEveryCommand() {
        String version = noStore.run("--version").ok().out().lines().findFirst().orElseThrow();

        assertTrue(version.matches("appkeys \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
        assertEquals(
                version,
                noStore.run("key", "list", "--version")
                        .ok()
                        .out()
                        .lines()
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void generateCompletion_printsABashAndZshScriptForEveryCommand() {
        Result script = noStore.run("generate-completion").ok();

        script.printed("complete -F _complete_appkeys")
                .printed("finish-renewal")
                .printed("--master-email");
    }

    @Test
    void noCommand_orAnUnknownOne_isAUsageError_inOneLine() {
        assertEquals(
                "appkeys: Missing required subcommand (see 'appkeys --help')",
                noStore.run().fails(ExitCodes.USAGE));
        assertEquals(
                "appkeys key: Missing required subcommand (see 'appkeys key --help')",
                noStore.run("key").fails(ExitCodes.USAGE));
        String unknown = noStore.run("key", "rotate").fails(ExitCodes.USAGE);
        assertTrue(unknown.startsWith("appkeys key: Unmatched argument at index 1: 'rotate'"), unknown);
        String typo = noStore.run("key", "creat").fails(ExitCodes.USAGE);
        assertTrue(typo.contains("; did you mean create or "), typo);
    }

    @Test
    void aMissingRequiredOption_isAUsageError() {
        String line = noStore.run("key", "create", "--account", "acme").fails(ExitCodes.USAGE);

        assertEquals(
                "appkeys key create: Missing required option: '--label=<label>'" + " (see 'appkeys key create --help')",
                line);
    }

    @Test
    void anUnreachableStore_exitsWithItsOwnCode_inOneLine_withoutThePassword() {
        String line = noStore.run("account", "list").fails(ExitCodes.STORE_UNAVAILABLE);

        assertTrue(line.startsWith("appkeys account list: store unavailable: "), line);
        assertFalse(line.contains("hunter2"), line);
    }

    @Test
    void verbose_addsTheStackTrace() {
        Result verbose = noStore.run("account", "list", "--verbose");

        assertEquals(ExitCodes.STORE_UNAVAILABLE, verbose.exitCode());
        List<String> lines = verbose.err().lines().toList();
        assertTrue(lines.get(0).startsWith("appkeys account list: store unavailable: "), verbose::toString);
        assertTrue(lines.size() > 5 && lines.get(1).contains("StoreUnavailableException"), verbose::toString);
        assertFalse(verbose.err().contains("hunter2"), verbose::toString);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--db=jdbc:postgresql://someone:hunter2@127.0.0.1:1/appkeys",
                "--db=jdbc:postgresql://127.0.0.1:1/appkeys?user=someone&password=hunter2",
                "--db=jdbc:postgresql://127.0.0.1:1/appkeys?password=hunter2&user=someone",
                "APPKEYS_DB_PASSWORD=hunter2"
            })
    void aPasswordInAnyForm_isNeverPrinted_evenInTheStackTrace(String given) {
        Cli cli = given.startsWith("--db=")
                ? new Cli(Map.of("APPKEYS_DB_TIMEOUT", "500ms"))
                : new Cli(Map.of(
                        "APPKEYS_DB_URL",
                        "jdbc:postgresql://127.0.0.1:1/appkeys?user=someone",
                        "APPKEYS_DB_PASSWORD",
                        "hunter2",
                        "APPKEYS_DB_TIMEOUT",
                        "500ms"));
        Result result = given.startsWith("--db=")
                ? cli.run(given, "account", "list", "--verbose")
                : cli.run("account", "list", "--verbose");

        assertEquals(ExitCodes.STORE_UNAVAILABLE, result.exitCode(), result::toString);
        assertFalse(result.err().contains("hunter2"), result::toString);
        assertFalse(result.out().contains("hunter2"), result::toString);
    }

    @Test
    void aStoreDirectoryThatOthersCouldRead_isRepaired_andTheOperatorIsTold() throws Exception {
        Path home = Path.of("target", "cli-test-homes", UUID.randomUUID().toString())
                .toAbsolutePath();
        Cli embedded = new Cli(Map.of("APPKEYS_HOME", home.toString()));
        embedded.run("account", "list").ok();
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result listed = embedded.run("account", "list").ok();

        assertTrue(listed.err().startsWith("appkeys: warning: the store directory "), listed::toString);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        assertEquals("", embedded.run("account", "list").ok().err(), "repaired once, quiet after");
    }

    @Test
    void aMistypedCommandLine_orHelp_createsNoStore() {
        Path home = Path.of("target", "cli-test-homes", UUID.randomUUID().toString())
                .toAbsolutePath();
        Cli embedded = new Cli(Map.of("APPKEYS_HOME", home.toString()));

        embedded.run("key", "list", "--acount", "acme").fails(ExitCodes.USAGE);
        embedded.run("key", "list", "--help").ok();
        embedded.run("key", "list", "-hV").ok();

        assertFalse(Files.exists(home), "nothing made in APPKEYS_HOME");
    }

    @Test
    void aDatabaseUrlOfAnotherKind_isAUsageError() {
        String line = noStore.run("account", "list", "--db", "jdbc:mysql://localhost/appkeys")
                .fails(ExitCodes.USAGE);

        assertEquals("appkeys account list: database URL must start with jdbc:h2: or jdbc:postgresql:", line);
    }

    @Test
    void aConnectionTimeoutThatIsNoDuration_isAUsageError_thatSaysWhatIsWrong() {
        String line = Cli.on(STORE)
                .with("APPKEYS_DB_TIMEOUT", "3 seconds")
                .run("account", "list")
                .fails(ExitCodes.USAGE);

        assertEquals(
                "appkeys account list: APPKEYS_DB_TIMEOUT must be a duration such as 500ms, 3s or 1m, got '3 seconds'",
                line);
    }

    @Test
    void theDbOption_winsOverAPPKEYS_DB_URL() {
        Result created = noStore.run(
                "--db", STORE.url(), "account", "create", "dbflag", "--master-email", "o@dbflag.example.com");

        created.ok();
        Cli.on(STORE).run("account", "list").ok().printed("dbflag");
    }

    @Test
    void withoutDbOrAPPKEYS_DB_URL_theStoreIsTheEmbeddedH2FileUnderAPPKEYS_HOME() throws Exception {
        Path home = Path.of("target", "cli-test-homes", UUID.randomUUID().toString())
                .toAbsolutePath();
        Cli embedded = new Cli(Map.of("APPKEYS_HOME", home.toString()));

        embedded.run("account", "create", "homely", "--master-email", "o@homely.example.com")
                .ok();

        assertTrue(Files.exists(home.resolve("appkeys.mv.db")), "the store is a file in APPKEYS_HOME");
        embedded.run("account", "list").ok().printed("homely");
    }
}
