package io.appkeys.core.domain;

import java.util.Optional;

/**
 * An app key's public name, the appKey: {@code {prefix}-{account}-{SUFFIX}}, for example
 * {@code vtexappkey-acme-ABCDEF}. The prefix is a lowercase word, the account a valid {@link AccountName},
 * the suffix six letters A to Z.
 */
public final class AppKeyName {

    public static final String DEFAULT_PREFIX = "vtexappkey";
    public static final int SUFFIX_LENGTH = 6;
    static final int MAX_PREFIX_LENGTH = 30;
    private static final int MAX_LENGTH = MAX_PREFIX_LENGTH + 1 + 40 + 1 + SUFFIX_LENGTH;

    private final String value;

    public AppKeyName(String value) {
        Text.required(value, "appKey");
        if (!isWellFormed(value)) {
            throw new InvalidInputException("appKey " + Text.quote(value)
                    + " must look like {prefix}-{account}-{SUFFIX}, for example vtexappkey-acme-ABCDEF");
        }
        this.value = value;
    }

    /** Not a record, so that this, which runs on every request, checks the text once and not twice. */
    private AppKeyName(String wellFormed, boolean checked) {
        this.value = wellFormed;
    }

    /** The appKey {@code text} spells, or empty when it is not one; for input that may be anything at all. */
    public static Optional<AppKeyName> read(String text) {
        return isWellFormed(text) ? Optional.of(new AppKeyName(text, true)) : Optional.empty();
    }

    public String value() {
        return value;
    }

    /** Builds the name of a new key of {@code account}; the prefix and suffix are checked like any other. */
    public static AppKeyName of(String prefix, AccountName account, String suffix) {
        return new AppKeyName(prefix + "-" + account.value() + "-" + suffix);
    }

    /** The account named inside the appKey. */
    public AccountName account() {
        int first = value.indexOf('-');
        int last = value.lastIndexOf('-');
        return new AccountName(value.substring(first + 1, last));
    }

    /**
     * Whether {@code text} has the shape of an appKey. Written without regular expressions because it runs
     * on every authenticated request.
     */
    public static boolean isWellFormed(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return false;
        }
        int first = text.indexOf('-');
        int last = text.lastIndexOf('-');
        if (first < 1 || first > MAX_PREFIX_LENGTH || last == first || text.length() - last - 1 != SUFFIX_LENGTH) {
            return false;
        }
        return isPrefix(text, 0, first) && isAccount(text, first + 1, last) && isSuffix(text, last + 1);
    }

    /** Whether {@code prefix} may start an appKey: a lowercase letter, then lowercase letters or digits. */
    public static boolean isValidPrefix(String prefix) {
        return prefix != null
                && prefix.length() >= 1
                && prefix.length() <= MAX_PREFIX_LENGTH
                && isPrefix(prefix, 0, prefix.length());
    }

    private static boolean isPrefix(String s, int from, int to) {
        if (!isLower(s.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!isLower(s.charAt(i)) && !isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAccount(String s, int from, int to) {
        int length = to - from;
        return length >= 2 && length <= 40 && isPrefix(s, from, to);
    }

    private static boolean isSuffix(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppKeyName name && value.equals(name.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
