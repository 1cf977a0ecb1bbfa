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
    /** A token is 128 letters; a longer first line is not one, and reading stops there. */
    private static final int MAX_LINE = 1024;

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final Console console;

    TokenInput(Map<String, String> environment, InputStream stdin, Console console) {
        this.environment = environment;
        this.stdin = stdin;
        this.console = console;
    }

    Optional<String> read() {
        String fromEnvironment = environment.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.strip());
        }
        return console != null ? prompt() : firstLine();
    }

    private Optional<String> prompt() {
        char[] typed = console.readPassword("appToken: ");
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
