package io.appkeys.core.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What an account says about a key that is not secret (its owner, plan, environment), as a JSON object of at most
 * {@value #MAX_BYTES} bytes in UTF-8. A gateway can read it from {@code authz/check} and route on it. It is kept
 * and returned as written, once checked to be one JSON object, nested at most {@value #MAX_DEPTH} deep, each of its
 * objects naming a member once (DESIGN: no duplicate members).
 */
public final class KeyMetadata {

    public static final int MAX_BYTES = 4096;
    public static final int MAX_DEPTH = 16;

    private final String json;
    private final String base64url;

    private KeyMetadata(String json) {
        this.json = json;
        this.base64url = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInputException unless {@code json} is one JSON object within the bounds */
    public static KeyMetadata of(String json) {
        Objects.requireNonNull(json, "json");
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidInputException("metadata must be at most " + MAX_BYTES + " bytes of JSON, got " + bytes);
        }
        new Reader(json).object();
        return new KeyMetadata(json);
    }

    /** The JSON object, as written. */
    public String json() {
        return json;
    }

    /**
     * The JSON in UTF-8 as base64url without padding, as a header can carry it whatever characters it holds;
     * made once, since a gateway may ask for it on every request.
     */
    public String base64url() {
        return base64url;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyMetadata metadata && json.equals(metadata.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }

    /** A strict reader of RFC 8259 JSON that only checks: one object, and nothing after it. */
    private static final class Reader {

        private final String text;
        private int at;
        private int depth;

        Reader(String text) {
            this.text = text;
        }

        void object() {
            space();
            if (!peek('{')) {
                throw new InvalidInputException("metadata must be a JSON object");
            }
            value();
            space();
            if (at != text.length()) {
                throw bad("nothing may follow the metadata object");
            }
        }

        private void value() {
            space();
            if (at >= text.length()) {
                throw bad("the metadata ends too soon");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{' -> members();
                case '[' -> elements();
                case '"' -> string(); // its value is not needed
                case 't' -> word("true");
                case 'f' -> word("false");
                case 'n' -> word("null");
                default -> number();
            }
        }

        private void members() {
            nest();
            at++;
            space();
            if (take('}')) {
                depth--;
                return;
            }
            Set<String> names = new HashSet<>();
            do {
                space();
                if (!peek('"')) {
                    throw bad("a member name must be a string");
                }
                String name = string();
                if (!names.add(name)) {
                    throw bad("member " + name + " appears twice in one object");
                }
                space();
                expect(':');
                value();
                space();
            } while (take(','));
            expect('}');
            depth--;
        }

        private void elements() {
            nest();
            at++;
            space();
            if (take(']')) {
                depth--;
                return;
            }
            do {
                value();
                space();
            } while (take(','));
            expect(']');
            depth--;
        }

        /** Reads a string, and returns it with its escapes resolved: member names are compared so. */
        private String string() {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c < 0x20) {
                    throw bad("a control character must be escaped in a string");
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                if (escaped == 'u') {
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = at < text.length() ? Character.digit(text.charAt(at++), 16) : -1;
                        if (digit < 0) {
                            throw bad("a \\u escape needs four hexadecimal digits");
                        }
                        code = code * 16 + digit;
                    }
                    value.append((char) code);
                } else {
                    int known = "\"\\/bfnrt".indexOf(escaped);
                    if (known < 0) {
                        throw bad("unknown escape \\" + escaped);
                    }
                    value.append("\"\\/\b\f\n\r\t".charAt(known));
                }
            }
            throw bad("a string is not closed");
        }

        private void number() {
            int start = at;
            take('-');
            if (take('0')) {
                // no leading zeros
            } else if (!digits()) {
                throw bad("unexpected character at " + start);
            }
            if (take('.') && !digits()) {
                throw bad("a fraction needs digits");
            }
            if ((take('e') || take('E'))) {
                if (!take('+')) {
                    take('-');
                }
                if (!digits()) {
                    throw bad("an exponent needs digits");
                }
            }
        }

        private boolean digits() {
            int start = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            return at > start;
        }

        private void word(String word) {
            if (!text.startsWith(word, at)) {
                throw bad("unexpected character at " + at);
            }
            at += word.length();
        }

        private void nest() {
            if (++depth > MAX_DEPTH) {
                throw bad("metadata may nest at most " + MAX_DEPTH + " deep");
            }
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private boolean take(char c) {
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!take(c)) {
                throw bad("expected " + c + " at " + at);
            }
        }

        private static InvalidInputException bad(String why) {
            return new InvalidInputException("metadata is not valid JSON: " + why);
        }
    }
}
