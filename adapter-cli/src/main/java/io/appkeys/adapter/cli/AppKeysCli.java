package io.appkeys.adapter.cli;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.port.in.FindAccountUseCase;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code appkeys} operator command line. It opens one store (embedded H2 by default, or the JDBC URL given
 * with {@code --db}) and acts there with the authority of each account's master user.
 */
@Command(
        name = "appkeys",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {
            "Operates an AppKeys store: accounts, users, app keys, roles, resources, the audit log,"
                    + " and credential checks. Every account-scoped command acts as the account's master user."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected error (a bug: rerun with --verbose and report it)",
            "2:usage error: a missing or invalid option, argument or value",
            "3:not found: no such account, user, app key, role or pending renewal",
            "4:conflict: it exists already, or a renewal is pending already",
            "5:not authenticated: auth check, login or validate rejected the credentials",
            "6:store unavailable: the database cannot be reached; nothing was changed",
            "7:forbidden: authenticated, but not granted the resource or the account"
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  APPKEYS_ACCOUNT      account for account-scoped commands without --account",
            "  APPKEYS_DB_URL       JDBC URL of the store when --db is absent",
            "  APPKEYS_DB_USER      database user",
            "  APPKEYS_DB_PASSWORD  database password",
            "  APPKEYS_DB_TIMEOUT   how long to wait for the store (default: 3s, 10s embedded)",
            "  APPKEYS_HOME         home of the embedded store (default: ~/.appkeys)",
            "  APPKEYS_APP_TOKEN    appToken for 'auth check' and 'auth login' (else: standard input)",
            "  APPKEYS_SIGNED_TOKEN signed token for 'auth validate' (else: standard input)",
            "  APPKEYS_SEALING_KEY  key sealing the store's signing keys (else APPKEYS_SEALING_KEY_FILE,",
            "                       else sealing.key in APPKEYS_HOME)"
        })
public final class AppKeysCli {

    /**
     * The command groups, in the order help lists them. They are added to the command line by {@link #run}: only the
     * one a command line names, when it names one, since picocli reads every command of every group it is given
     * (their annotations, by reflection) before parsing, which is most of a command's start-up.
     */
    private static final List<Class<?>> GROUPS = List.of(
            AccountCommand.class,
            UserCommand.class,
            KeyCommand.class,
            RoleCommand.class,
            ResourceCommand.class,
            AuditCommand.class,
            AuthCommand.class,
            AutoComplete.GenerateCompletion.class);

    /** How the audit log names where the CLI's changes come from. */
    static final String ORIGIN = "cli";

    /** The footer of the commands that change what authenticates or what is allowed. */
    static final String CHANGES_HOLD_EVERYWHERE = "%nA change holds on every server and app using the same store"
            + " once the command returns: it waits, at most 2 s, until each of them has applied it.";

    @Option(
            names = "--db",
            paramLabel = "<jdbc-url>",
            scope = ScopeType.INHERIT,
            description = "JDBC URL of the store, jdbc:h2:... or jdbc:postgresql:... (default: $APPKEYS_DB_URL,"
                    + " else the embedded H2 file under $APPKEYS_HOME or ~/.appkeys)")
    String database;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print machine-readable JSON")
    boolean json;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "print the stack trace of an error")
    boolean verbose;

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final Console console;
    private final Composition composition;
    private PrintWriter out;
    private PrintWriter err;
    private Composition.OpenStore store;
    private EarlyStore early;

    /**
     * A command line over the store that {@code composition} opens.
     *
     * @param environment the process environment (APPKEYS_ACCOUNT, APPKEYS_APP_TOKEN, the database variables)
     * @param stdin       where {@code auth check} reads a token from
     * @param console     the terminal for a hidden token prompt, or {@code null} when there is none
     */
    AppKeysCli(Map<String, String> environment, InputStream stdin, Console console, Composition composition) {
        this.environment = Map.copyOf(environment);
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.console = console;
        this.composition = Objects.requireNonNull(composition, "composition");
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        AppKeysCli cli = new AppKeysCli(environment, System.in, System.console(), Composition.production(environment));
        int code = cli.run(args, new PrintWriter(System.out), new PrintWriter(System.err));
        System.exit(code);
    }

    /** Parses and runs one command line, as {@link #main} does; returns the exit code. */
    int run(String[] args, PrintWriter stdout, PrintWriter stderr) {
        this.out = stdout;
        this.err = stderr;
        List<Class<?>> read = groupsFor(args);
        if (usesStore(read, args)) {
            Optional<String> named = databaseNamed(args);
            if (!composition.wouldCreate(named)) {
                early = EarlyStore.start(composition, named);
            }
        }
        CommandLine commandLine = new CommandLine(this);
        for (Class<?> group : GROUPS) {
            if (read.contains(group)) {
                commandLine.addSubcommand(withCommands(group, args));
            } else if (read.isEmpty()) {
                commandLine.addSubcommand(outline(group));
            }
        }
        Converters.registerOn(commandLine);
        ErrorReporter reporter =
                new ErrorReporter(() -> verbose, text -> composition.redact(Optional.ofNullable(database), text));
        commandLine
                .setOut(stdout)
                .setErr(stderr)
                .setParameterExceptionHandler(reporter)
                .setExecutionExceptionHandler(reporter)
                .setExecutionStrategy(this::executeAndClose);
        try {
            return commandLine.execute(args);
        } finally {
            stdout.flush();
            stderr.flush();
            if (early != null) {
                early.discard();
                early = null;
            }
        }
    }

    /**
     * Whether the command line names a command of a group (each of them works on the store), asks for no help or
     * version, and so will most likely open the store: then {@link #run} starts opening it at once ({@link
     * EarlyStore}). A command line this misjudges only loses that head start, or opens a store it then closes.
     */
    private static boolean usesStore(List<Class<?>> read, String[] args) {
        if (read.size() != 1 || read.get(0) == AutoComplete.GenerateCompletion.class) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("--version") || arg.matches("-[A-Za-z]*[hV][A-Za-z]*")) {
                return false;
            }
        }
        return commandNamed(read.get(0), args).isPresent();
    }

    /** The value of {@code --db} on the command line, as picocli will most likely parse it. */
    static Optional<String> databaseNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--db=")) {
                return Optional.of(args[i].substring("--db=".length()));
            }
        }
        return Optional.empty();
    }

    /**
     * The groups picocli must read in full for this command line: the one it names (its first word that is neither an
     * option nor --db's value); every group for the completion script, or for a word that names none (so that
     * picocli suggests the nearest); none when it names no command at all (help, the version, a bare {@code
     * appkeys}), for which each group's {@link #outline} is all that is shown.
     */
    static List<Class<?>> groupsFor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--db")) {
                i++; // its value
            } else if (!arg.startsWith("-")) {
                for (Class<?> group : GROUPS) {
                    if (group.getAnnotation(Command.class).name().equals(arg)) {
                        // the completion script covers every command
                        return group == AutoComplete.GenerateCompletion.class ? GROUPS : List.of(group);
                    }
                }
                return GROUPS;
            }
        }
        return List.of();
    }

    /**
     * A group with the commands picocli must read for this command line. Each group's commands are its methods, and
     * picocli reads every parameter of every one of them before parsing (half of {@code key list}'s time): so the
     * groups leave their methods out ({@code addMethodSubcommands = false}), and here a command line that names a
     * command of the group gets that command alone; one that names none (the group's help), or a word that is none
     * of them (for picocli's suggestion), gets them all, in picocli's own order.
     */
    static CommandLine withCommands(Class<?> group, String[] args) {
        CommandLine line = new CommandLine(group);
        if (group.getAnnotation(Command.class).addMethodSubcommands()) {
            return line; // picocli read them all already (the completion script's group has none)
        }
        Optional<Method> named = commandNamed(group, args);
        if (named.isPresent()) {
            line.addSubcommand(new CommandLine(named.get()));
        } else {
            line.getCommandSpec().addMethodSubcommands();
        }
        return line;
    }

    /** The method of {@code group} that the first word after the group's name names, by name or alias. */
    private static Optional<Method> commandNamed(Class<?> group, String[] args) {
        String groupName = group.getAnnotation(Command.class).name();
        int at = List.of(args).indexOf(groupName);
        if (at < 0 || at + 1 >= args.length) {
            return Optional.empty();
        }
        String word = args[at + 1];
        for (Method method : group.getDeclaredMethods()) {
            Command command = method.getAnnotation(Command.class);
            if (command != null
                    && (command.name().equals(word)
                            || List.of(command.aliases()).contains(word))) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    /** A group as the top-level help lists it, without the commands that only its own help shows. */
    private static CommandLine outline(Class<?> group) {
        Command command = group.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
        spec.usageMessage().description(command.description()).hidden(command.hidden());
        return new CommandLine(spec);
    }

    /** Runs the command, then closes the store so that noted key uses are written before the JVM exits. */
    private int executeAndClose(ParseResult parseResult) {
        int code;
        try {
            code = new CommandLine.RunLast().execute(parseResult);
        } catch (RuntimeException failure) {
            closeAfter(failure);
            throw failure;
        }
        try {
            closeStore();
        } catch (RuntimeException e) {
            throw new ExecutionException(parseResult.commandSpec().commandLine(), "closing the store failed", e);
        }
        return code;
    }

    private void closeAfter(RuntimeException failure) {
        try {
            closeStore();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void closeStore() {
        if (store != null) {
            Composition.OpenStore opened = store;
            store = null;
            opened.close();
        }
    }

    /** A use case of the key authority over the store, opened on first use so that help never touches it. */
    <T> T use(Class<T> port) {
        if (store == null) {
            Optional<String> named = Optional.ofNullable(database);
            Consumer<String> warn = warning -> {
                err.println("appkeys: warning: " + warning);
                err.flush();
            };
            Optional<Composition.OpenStore> opened = Optional.empty();
            if (early != null) {
                EarlyStore taken = early;
                early = null;
                opened = taken.take(named, warn);
            }
            store = opened.orElseGet(() -> composition.open(named, warn));
        }
        return store.use(port);
    }

    /** The master user of the account that {@code option} names, acting from the CLI. */
    Caller master(AccountOption option) {
        AccountName name = option.resolve(environment);
        Account account = use(FindAccountUseCase.class)
                .findAccount(name)
                .orElseThrow(() -> new NotFoundException("account " + name + " not found"));
        return Caller.master(account, ORIGIN);
    }

    Output output() {
        return new Output(out, err, json);
    }

    TokenInput tokenInput() {
        return new TokenInput(environment, stdin, console);
    }
}
