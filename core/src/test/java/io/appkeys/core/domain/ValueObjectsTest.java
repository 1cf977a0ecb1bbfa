package io.appkeys.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Acme", "1acme", "ac-me", "acme ", "abcdefghijabcdefghijabcdefghijabcdefghijx"})
    void invalidAccountNames_areRejected_withAMessageThatSaysWhy(String name) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new AccountName(name));

        assertTrue(error.getMessage().contains("lowercase letter"), error.getMessage());
    }

    @Test
    void validAccountNames_areKept() {
        assertEquals("ab", new AccountName("ab").value());
        assertEquals("store42", new AccountName("store42").toString());
    }

    @Test
    void missingValues_sayWhatIsMissing() {
        assertEquals(
                "account name is required",
                assertThrows(InvalidInputException.class, () -> new AccountName(null))
                        .getMessage());
        assertEquals(
                "label is required",
                assertThrows(InvalidInputException.class, () -> new Label(null)).getMessage());
    }

    @Test
    void labels_areOneLineOfAtMost100Characters() {
        assertEquals(
                "label must be at most 100 characters, got 101",
                assertThrows(InvalidInputException.class, () -> new Label("x".repeat(101)))
                        .getMessage());
        assertThrows(InvalidInputException.class, () -> new Label("  "));
        assertThrows(InvalidInputException.class, () -> new Label("two\nlines"));
        assertThrows(InvalidInputException.class, () -> new Label(" padded"));
        assertEquals("x".repeat(100), new Label("x".repeat(100)).value());
        assertEquals("Integração ERP ✓", new Label("Integração ERP ✓").value());
    }

    @Test
    void textThatAStoreCannotKeepAsItIs_isRefused_withAMessageThatSaysWhy() {
        assertEquals(
                "label must not contain control characters",
                assertThrows(InvalidInputException.class, () -> new Label("nul\u0000inside"))
                        .getMessage());
        assertEquals(
                "label must not contain an unpaired surrogate (invalid Unicode)",
                assertThrows(InvalidInputException.class, () -> new Label("half \ud83d pair"))
                        .getMessage());
        assertEquals(
                "name must not contain an unpaired surrogate (invalid Unicode)",
                assertThrows(InvalidInputException.class, () -> new PersonName("\udc00"))
                        .getMessage());
        assertEquals(
                "email must not contain control characters",
                assertThrows(InvalidInputException.class, () -> new Email("ana\u0000@acme.com"))
                        .getMessage());
        assertThrows(InvalidInputException.class, () -> new Email("ana\ud800@acme.com"));
        assertEquals("rocket \ud83d\ude80", new Label("rocket \ud83d\ude80").value());
    }

    @Test
    void emails_areLowerCased_andChecked() {
        assertEquals("ana@acme.com", new Email(" Ana@ACME.com ").value());
        assertThrows(InvalidInputException.class, () -> new Email("ana"));
        assertThrows(InvalidInputException.class, () -> new Email("ana@acme"));
        assertThrows(InvalidInputException.class, () -> new Email("a b@acme.com"));
        assertThrows(InvalidInputException.class, () -> new Email("a@b@acme.com"));
    }

    @Test
    void appKeys_haveTheVtexShape_andNameTheirAccount() {
        AppKeyName name = new AppKeyName("vtexappkey-acme-ABCDEF");

        assertEquals(new AccountName("acme"), name.account());
        assertEquals(name, AppKeyName.of("vtexappkey", new AccountName("acme"), "ABCDEF"));
        for (String bad : new String[] {
            "vtexappkey-acme-ABCDE",
            "vtexappkey-acme-abcdef",
            "vtexappkey-ACME-ABCDEF",
            "acme-ABCDEF",
            "-acme-ABCDEF",
            "vtexappkey-a-ABCDEF",
            "vtexappkey-acme-ABC-ABCDEF",
            ""
        }) {
            assertThrows(InvalidInputException.class, () -> new AppKeyName(bad), bad);
        }
    }

    @Test
    void roleIds_arePositiveIntegers() {
        assertEquals(new RoleId(5), RoleId.parse("5"));
        assertThrows(InvalidInputException.class, () -> RoleId.parse("0"));
        assertThrows(InvalidInputException.class, () -> RoleId.parse("x"));
        assertThrows(InvalidInputException.class, () -> RoleId.parse("99999999999"));
    }

    @Test
    void principalRefs_readIdsEmailsAndAppKeys() {
        UUID id = UUID.randomUUID();

        assertEquals(new PrincipalRef.ById(id), PrincipalRef.parse(id.toString()));
        assertEquals(new PrincipalRef.ByEmail(new Email("a@b.co")), PrincipalRef.parse("a@b.co"));
        assertInstanceOf(PrincipalRef.ByAppKey.class, PrincipalRef.parse("vtexappkey-acme-ABCDEF"));
        assertThrows(InvalidInputException.class, () -> PrincipalRef.parse("nothing-at-all"));
        assertThrows(InvalidInputException.class, () -> KeyRef.parse("1-1-1-1-1"));
    }

    @Test
    void cursors_roundTrip_andGarbageIsBadInput() {
        Cursor cursor = Cursor.at(java.time.Instant.parse("2026-01-01T00:00:00.123456Z"), UUID.randomUUID());

        assertEquals(cursor, Cursor.decode(cursor.encode()));
        assertEquals(Cursor.atSequence(42), Cursor.decode(Cursor.atSequence(42).encode()));
        assertThrows(InvalidInputException.class, () -> Cursor.decode("not-a-cursor"));
    }

    @Test
    void pageSizes_areBounded() {
        assertThrows(InvalidInputException.class, () -> PageRequest.first(0));
        assertThrows(InvalidInputException.class, () -> PageRequest.first(1001));
    }

    @Test
    void tokenHashes_printRedacted() {
        TokenHash hash = new TokenHash("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g");

        assertEquals("TokenHash[argon2id, redacted]", hash.toString());
    }

    @Test
    void longInput_isCutShortInMessages() {
        String huge = "Z".repeat(5000);

        String message = assertThrows(InvalidInputException.class, () -> new AccountName(huge))
                .getMessage();

        assertTrue(message.length() < 200, message);
    }
}
