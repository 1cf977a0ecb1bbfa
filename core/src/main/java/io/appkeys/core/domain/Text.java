package io.appkeys.core.domain;

/** Shared checks for the text that value objects hold. */
final class Text {

    private Text() {}

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
        return storable(value, what);
    }

    /**
     * Text that every store keeps exactly as given: no control characters (PostgreSQL cannot hold NUL at all)
     * and no half of a surrogate pair (which UTF-8 cannot encode, so PostgreSQL would store {@code ?}).
     */
    static String storable(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException(what + " must not contain control characters");
            }
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(what + " must not contain an unpaired surrogate (invalid Unicode)");
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
        shown.codePoints()
                .forEach(c -> out.appendCodePoint(
                        Character.isISOControl(c) || Character.isSurrogate((char) c) && c < 0x10000 ? '?' : c));
        return out.append('\'').toString();
    }
}
