package io.appkeys.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * An appToken: the secret half of a key pair. 128 letters A to Z, as VTEX issues them; the first 121 are
 * random and the last 7 spell a CRC-32 of them in base 26, so a mistyped or truncated token is rejected
 * before any storage or hashing work, and a secret scanner can recognise one.
 *
 * <p>Never printed: {@link #toString()} redacts, and equality runs in constant time.
 */
public final class AppToken {

    public static final int LENGTH = 128;
    public static final int CHECKSUM_LENGTH = 7;
    public static final int BODY_LENGTH = LENGTH - CHECKSUM_LENGTH;

    private final String value;

    private AppToken(String value) {
        this.value = value;
    }

    /** Parses a token, rejecting any value that is not 128 letters A to Z with a valid checksum. */
    public static AppToken parse(String text) {
        if (!isWellFormed(text)) {
            throw new InvalidInputException("appToken must be " + LENGTH + " letters A to Z with a valid checksum");
        }
        return new AppToken(text);
    }

    /** The token {@code text} spells, or empty when it is not one; for input that may be anything at all. */
    public static Optional<AppToken> read(String text) {
        return isWellFormed(text) ? Optional.of(new AppToken(text)) : Optional.empty();
    }

    /** Completes 121 random letters into a token by appending their checksum. */
    public static AppToken fromBody(String body) {
        if (body == null || body.length() != BODY_LENGTH || !allLetters(body, BODY_LENGTH)) {
            throw new InvalidInputException("token body must be " + BODY_LENGTH + " letters A to Z");
        }
        return new AppToken(body + checksum(body));
    }

    /** Whether {@code text} is a token of ours: right length, right alphabet, right checksum. */
    public static boolean isWellFormed(String text) {
        if (text == null || text.length() != LENGTH || !allLetters(text, LENGTH)) {
            return false;
        }
        long expected = crc(text);
        long actual = 0;
        for (int i = BODY_LENGTH; i < LENGTH; i++) {
            actual = actual * 26 + (text.charAt(i) - 'A');
        }
        return actual == expected;
    }

    /** The secret itself, for the one response that shows it and for hashing. */
    public String reveal() {
        return value;
    }

    /** The secret as ASCII bytes; the caller should clear the array when done. */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean allLetters(String text, int length) {
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static long crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII), 0, BODY_LENGTH);
        return crc.getValue();
    }

    private static String checksum(String body) {
        long value = crc(body);
        char[] letters = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            letters[i] = (char) ('A' + value % 26);
            value /= 26;
        }
        return new String(letters);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppToken token && MessageDigest.isEqual(bytes(), token.bytes());
    }

    @Override
    public int hashCode() {
        return 0; // tokens are not meant for hash-based collections; a constant keeps equals consistent
    }

    @Override
    public String toString() {
        return "AppToken[redacted]";
    }
}
