package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What one command line did: its exit code and what it printed. */
record Result(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Asserts success and returns this. */
    Result ok() {
        assertEquals(0, exitCode, this::toString);
        return this;
    }

    /** Asserts a failure with {@code code}: nothing on stdout, and one line on stderr. Returns that line. */
    String fails(int code) {
        assertEquals(code, exitCode, this::toString);
        assertEquals("", out, () -> "stdout should be empty on failure\n" + this);
        assertEquals(1, err.lines().count(), () -> "an error should be one line\n" + this);
        return err.strip();
    }

    /** Asserts success and parses stdout as JSON. */
    JsonNode json() {
        ok();
        try {
            return JSON.readTree(out);
        } catch (JsonProcessingException e) {
            return fail("stdout is not JSON\n" + this, e);
        }
    }

    Result printed(String text) {
        assertTrue(out.contains(text), () -> "stdout should contain '" + text + "'\n" + this);
        return this;
    }

    /** The value of the {@code name  value} line of a details block on stdout. */
    String detail(String name) {
        return out.lines()
                .filter(line -> line.startsWith(name + " "))
                .findFirst()
                .map(line -> line.substring(name.length()).strip())
                .orElseThrow(() -> new AssertionError("no line for " + name + "\n" + this));
    }

    @Override
    public String toString() {
        return "exit code " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
