package io.appkeys.core.domain;

/** A permission's name, such as {@code ViewApiKeys} or {@code orders.read}. */
public record ResourceName(String value) {

    private static final int MAX_LENGTH = 100;

    public ResourceName {
        Text.required(value, "resource name");
        if (!isWellFormed(value)) {
            throw new InvalidInputException("resource name " + Text.quote(value)
                    + " must be a letter followed by up to 99 letters, digits or _ . : -");
        }
    }

    /**
     * Whether {@code text} is a valid resource name: a letter, then letters, digits or {@code _ . : -}, at most
     * 100 in all. Written without regular expressions because gateways ask for one on every request.
     */
    public static boolean isWellFormed(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || !isLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '.' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    @Override
    public String toString() {
        return value;
    }
}
