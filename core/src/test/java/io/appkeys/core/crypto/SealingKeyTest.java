package io.appkeys.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.appkeys.core.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sealing a private key for the store: it opens with the same key and context only, and unaltered. */
class SealingKeyTest {

    private static final byte[] SECRET = "a private key, say".getBytes(StandardCharsets.UTF_8);

    private final SealingKey key = SealingKey.generate();

    @Test
    void aSealedValue_opensWithTheSameKeyAndContext_andShowsNothingOfWhatItSeals() {
        byte[] sealed = key.seal(SECRET, "kid-1");

        assertArrayEquals(SECRET, key.open(sealed, "kid-1"));
        assertArrayEquals(SECRET, SealingKey.fromBase64(key.toBase64()).open(sealed, "kid-1"));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("private"));
        assertFalse(Arrays.equals(sealed, key.seal(SECRET, "kid-1")), "a fresh nonce each time");
    }

    @Test
    void anotherKey_anotherContext_orAnAlteredValue_doNotOpen() {
        byte[] sealed = key.seal(SECRET, "kid-1");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;

        assertThrows(IllegalStateException.class, () -> SealingKey.generate().open(sealed, "kid-1"));
        assertThrows(IllegalStateException.class, () -> key.open(sealed, "kid-2"));
        assertThrows(IllegalStateException.class, () -> key.open(altered, "kid-1"));
        assertThrows(IllegalStateException.class, () -> key.open(new byte[3], "kid-1"));
    }

    @Test
    void aKeyIsRead_fromBase64OfTheRightLength_andPrintedRedacted() {
        assertThrows(InvalidInputException.class, () -> SealingKey.fromBase64("not base64!"));
        assertThrows(InvalidInputException.class, () -> SealingKey.fromBase64("AAAA"));
        assertThrows(InvalidInputException.class, () -> SealingKey.fromBase64(null));
        assertEquals("SealingKey[redacted]", key.toString());
    }
}
