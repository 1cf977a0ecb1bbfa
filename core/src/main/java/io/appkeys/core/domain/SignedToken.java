package io.appkeys.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A signed token (a JWT in compact form) that an app key's pair was exchanged for, and that stands for the key
 * until it expires: VTEX's {@code VtexIdclientAutCookie}. A secret as the appToken is: {@link #toString()}
 * redacts, and equality runs in constant time. Reading one checks its shape only; what it says is trusted once
 * its signature has been checked.
 */
public final class SignedToken {

    /** Longer than any token of ours; a bound on what is read before any work. */
    public static final int MAX_LENGTH = 2048;

    private final String value;

    private SignedToken(String value) {
        this.value = value;
    }

    /** The token {@code text} spells, or empty when it is not shaped as one; for input that may be anything. */
    public static Optional<SignedToken> read(String text) {
        return isWellFormed(text) ? Optional.of(new SignedToken(text)) : Optional.empty();
    }

    /** Three dot-separated parts of base64url letters, the last two possibly empty, within the bound. */
    static boolean isWellFormed(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return dots == 2 && text.charAt(0) != '.';
    }

    /** The secret itself, for the one response that shows it and for checking it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedToken token
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), token.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "SignedToken[redacted]";
    }
}
