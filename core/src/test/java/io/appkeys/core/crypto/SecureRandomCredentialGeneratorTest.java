package io.appkeys.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.InvalidInputException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureRandomCredentialGeneratorTest {

    private final SecureRandomCredentialGenerator generator = new SecureRandomCredentialGenerator("vtexappkey");

    @Test
    void appKeys_carryPrefixAccountAndSixLetters() {
        assertTrue(generator.newAppKey(new AccountName("acme")).value().matches("vtexappkey-acme-[A-Z]{6}"));
    }

    @Test
    void tokens_areWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = generator.newAppToken().reveal();
            assertTrue(AppToken.isWellFormed(token));
            seen.add(token);
        }
        assertEquals(200, seen.size());
    }

    @Test
    void everyLetter_appears() {
        Set<Character> letters = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            generator.newAppToken().reveal().chars().forEach(c -> letters.add((char) c));
        }
        assertEquals(26, letters.size());
    }

    @Test
    void invalidPrefix_isRejected() {
        assertThrows(InvalidInputException.class, () -> new SecureRandomCredentialGenerator("Bad-Prefix"));
    }
}
