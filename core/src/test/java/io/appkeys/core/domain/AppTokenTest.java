package io.appkeys.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AppTokenTest {

    private static String randomBody(Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < AppToken.BODY_LENGTH; i++) {
            body.append((char) ('A' + random.nextInt(26)));
        }
        return body.toString();
    }

    @Test
    void aToken_is128LettersWithItsChecksumAtTheEnd() {
        AppToken token = AppToken.fromBody(randomBody(new Random(1)));

        assertEquals(128, token.reveal().length());
        assertTrue(token.reveal().chars().allMatch(c -> c >= 'A' && c <= 'Z'));
        assertTrue(AppToken.isWellFormed(token.reveal()));
        assertEquals(token, AppToken.parse(token.reveal()));
    }

    @Test
    void anySingleLetterChange_breaksTheChecksum() {
        String token = AppToken.fromBody(randomBody(new Random(2))).reveal();

        for (int i = 0; i < AppToken.LENGTH; i++) {
            char changed = token.charAt(i) == 'A' ? 'B' : 'A';
            String typo = token.substring(0, i) + changed + token.substring(i + 1);
            assertFalse(AppToken.isWellFormed(typo), "typo at " + i);
        }
    }

    @Test
    void swappedNeighbours_breakTheChecksum() {
        String token = AppToken.fromBody(randomBody(new Random(3))).reveal();
        for (int i = 0; i < AppToken.BODY_LENGTH - 1; i++) {
            if (token.charAt(i) != token.charAt(i + 1)) {
                String swapped = token.substring(0, i) + token.charAt(i + 1) + token.charAt(i) + token.substring(i + 2);
                assertFalse(AppToken.isWellFormed(swapped), "swap at " + i);
            }
        }
    }

    @Test
    void wrongLengthOrAlphabet_isNotAToken() {
        String token = AppToken.fromBody(randomBody(new Random(4))).reveal();

        assertFalse(AppToken.isWellFormed(token + "A"));
        assertFalse(AppToken.isWellFormed(token.substring(1)));
        assertFalse(AppToken.isWellFormed(token.toLowerCase()));
        assertFalse(AppToken.isWellFormed(null));
        assertThrows(InvalidInputException.class, () -> AppToken.parse("short"));
    }

    @Test
    void aToken_printsRedacted_andComparesByValue() {
        AppToken token = AppToken.fromBody(randomBody(new Random(5)));

        assertEquals("AppToken[redacted]", token.toString());
        assertNotEquals(token, AppToken.fromBody(randomBody(new Random(6))));
    }
}
