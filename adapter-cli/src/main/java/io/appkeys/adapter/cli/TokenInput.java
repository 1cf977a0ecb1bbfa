package io.appkeys.adapter.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code auth check} takes the appToken from: {@code APPKEYS_APP_TOKEN}, else the first line of standard
 * input (a hidden prompt on a terminal). Never an argument, which would land in the shell history and the
 * process list.
 */
final class TokenInput {

    static final String VARIABLE = "APPKEYS_APP_TOKEN";
    /** Where {@code auth validate} takes a signed token from first. */
    static final String SIGNED_VARIABLE = "APPKEYS_SIGNED_TOKEN";
    /** Longer than any token, appToken (128 letters) or signed; reading stops there. */
    private static final int MAX_LINE = 4096;

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final Console console;

    TokenInput(Map<String, String> environment, InputStream stdin, Console console) {
        this.environment = environment;
        this.stdin = stdin;
        this.console = console;
    }

    /** An appToken: from {@code APPKEYS_APP_TOKEN}, else standard input. */
    Optional<String> read() {
        return read(VARIABLE, "appToken: ");
    }

    /** A secret: from the environment variable {@code variable}, else standard input, prompting with {@code prompt}. */
    Optional<String> read(String variable, String prompt) {
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.strip());
        }
        return console != null ? prompt(prompt) : firstLine();
    }

    private Optional<String> prompt(String prompt) {
        char[] typed = console.readPassword(prompt);
        if (typed == null) {
            return Optional.empty();
        }
        String token = new String(typed).strip();
        Arrays.fill(typed, '\0');
        return nonBlank(token);
    }

    private Optional<String> firstLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int next = stdin.read(); next != -1 && next != '\n' && line.size() < MAX_LINE; next = stdin.read()) {
                line.write(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the appToken from standard input", e);
        }
        return nonBlank(line.toString(StandardCharsets.US_ASCII).strip());
    }

    private static Optional<String> nonBlank(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
