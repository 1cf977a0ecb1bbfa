package io.appkeys.core.domain;

/** Shared checks for the text that value objects hold. */
final class Text {

    private Text() {
    }

    static String required(String value, String what) {
        if (value == null) {
            throw new InvalidInputException(what + " is required");
        }
        return value;
    }

    /** A single line of printable text, 1 to {@code max} characters, with no leading or trailing space. */
    static String line(String value, String what, int max) {
        required(value, what);
        if (value.isBlank()) {
            throw new InvalidInputException(what + " must not be blank");
        }
        if (value.length() > max) {
            throw new InvalidInputException(what + " must be at most " + max + " characters, got " + value.length());
        }
        if (!value.equals(value.strip())) {
            throw new InvalidInputException(what + " must not start or end with spaces");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInputException(what + " must not contain control characters");
            }
        }
        return value;
    }

    /** Quotes a user-supplied value for a message, cut short so an error never echoes a long input. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        StringBuilder out = new StringBuilder("'");
        shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.append('\'').toString();
    }
}
