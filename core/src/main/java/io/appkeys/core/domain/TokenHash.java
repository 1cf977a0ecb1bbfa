package io.appkeys.core.domain;

/** A stored hash of an appToken (a PHC string such as {@code $argon2id$v=19$...}); printed redacted. */
public record TokenHash(String value) {

    public TokenHash {
        Text.required(value, "token hash");
        if (!value.startsWith("$")) {
            throw new InvalidInputException("token hash must be a PHC string");
        }
    }

    @Override
    public String toString() {
        int end = value.indexOf('$', 1);
        return "TokenHash[" + (end > 0 ? value.substring(1, end) : "?") + ", redacted]";
    }
}
