package io.appkeys.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.port.out.SecretHasher.Verification;
import org.junit.jupiter.api.Test;

class Argon2idHasherTest {

    private final SecureRandomCredentialGenerator generator = new SecureRandomCredentialGenerator("vtexappkey");

    @Test
    void productionParameters_hashAndVerify() {
        Argon2idHasher hasher = new Argon2idHasher(Argon2Parameters.owasp());
        AppToken token = generator.newAppToken();

        TokenHash hash = hasher.hash(token);

        assertTrue(hash.value().startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash.value());
        assertEquals(Verification.MATCH, hasher.verify(token, hash));
        assertEquals(Verification.MISMATCH, hasher.verify(generator.newAppToken(), hash));
    }

    @Test
    void theSameToken_hashesDifferentlyEachTime() {
        Argon2idHasher hasher = new Argon2idHasher(Argon2Parameters.fast());
        AppToken token = generator.newAppToken();

        assertNotEquals(hasher.hash(token), hasher.hash(token));
    }

    @Test
    void aHashWithOtherParameters_stillVerifies_andAsksToBeRemade() {
        AppToken token = generator.newAppToken();
        TokenHash old = new Argon2idHasher(Argon2Parameters.fast()).hash(token);

        Argon2idHasher current = new Argon2idHasher(new Argon2Parameters(256, 2, 1));

        assertEquals(Verification.MATCH_NEEDS_REHASH, current.verify(token, old));
        assertEquals(Verification.MISMATCH, current.verify(generator.newAppToken(), old));
    }

    @Test
    void aHashOfAnotherAlgorithm_neverMatches() {
        Argon2idHasher hasher = new Argon2idHasher(Argon2Parameters.fast());

        assertEquals(
                Verification.MISMATCH,
                hasher.verify(generator.newAppToken(), new TokenHash("$2a$10$abcdefghijklmnopqrstuv")));
    }

    @Test
    void parameters_areChecked() {
        assertThrows(InvalidInputException.class, () -> new Argon2Parameters(4, 1, 1));
        assertThrows(InvalidInputException.class, () -> new Argon2Parameters(19456, 0, 1));
        assertThrows(InvalidInputException.class, () -> new Argon2Parameters(19456, 2, 0));
    }
}
