package io.appkeys.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A signed token is read by its shape only, bounded, and never printed. */
class SignedTokenTest {

    @Test
    void threeBase64UrlParts_areReadAsAToken() {
        assertTrue(SignedToken.read("eyJh.eyJz.c2ln").isPresent());
        assertTrue(SignedToken.read("eyJh.eyJz.").isPresent(), "an unsigned one is refused by the check, not here");
        assertEquals("abc-_.d.e", SignedToken.read("abc-_.d.e").orElseThrow().reveal());
    }

    @Test
    void anythingElse_isNotAToken() {
        for (String text : new String[] {
            null, "", "a.b", "a.b.c.d", ".b.c", "a.b.c=", "a b.c.d", "a.b.c\n", "é.b.c", "a.b." + "c".repeat(2048)
        }) {
            assertEquals(Optional.empty(), SignedToken.read(text), String.valueOf(text));
        }
    }

    @Test
    void aToken_isPrintedRedacted_andEqualToTheSameText() {
        SignedToken token = SignedToken.read("eyJh.eyJz.c2ln").orElseThrow();

        assertEquals("SignedToken[redacted]", token.toString());
        assertEquals(token, SignedToken.read("eyJh.eyJz.c2ln").orElseThrow());
        assertNotEquals(token, SignedToken.read("eyJh.eyJz.c2lo").orElseThrow());
    }
}
