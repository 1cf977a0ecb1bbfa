package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.core.crypto.Argon2Parameters;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs command lines through the CLI's real entry point, {@link AppKeysCli#run}, with an injected environment
 * and standard input, capturing what it prints. Only Argon2 is cheaper than in production.
 */
final class Cli {

    private final Map<String, String> environment;

    Cli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    static Cli on(TestStore store) {
        return new Cli(store.environment());
    }

    Cli with(String variable, String value) {
        Map<String, String> changed = new HashMap<>(environment);
        changed.put(variable, value);
        return new Cli(changed);
    }

    Cli without(String variable) {
        Map<String, String> changed = new HashMap<>(environment);
        changed.remove(variable);
        return new Cli(changed);
    }

    Result run(String... args) {
        return withInput("", args);
    }

    Result withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AppKeysCli cli = new AppKeysCli(
                environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)),
                null,
                new Composition(environment, Argon2Parameters.fast()));
        int code = cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** Creates a key in {@code account} and returns what {@code key create --json} printed, token included. */
    JsonNode createKey(String account, String label) {
        return run("key", "create", "--account", account, "--label", label, "--json")
                .json();
    }

    /** Creates an account of a name no other test uses, and returns its name. */
    String newAccount() {
        String name = "t" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        Result created = run("account", "create", name, "--master-email", "owner@" + name + ".example.com");
        assertEquals(0, created.exitCode(), created::toString);
        return name;
    }
}
