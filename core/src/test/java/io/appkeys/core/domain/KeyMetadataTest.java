package io.appkeys.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A key's metadata: one JSON object of at most 4096 bytes in UTF-8, nested at most 16 deep, kept as written. */
class KeyMetadataTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                " { \"owner\" : \"billing\" } ",
                "{\"plan\":\"gold\",\"limits\":{\"rps\":100,\"burst\":-1.5e3},\"tags\":[\"a\",true,false,null,0]}",
                "{\"escaped\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"}"
            })
    void aJsonObject_isKeptAsWritten(String json) {
        assertEquals(json, KeyMetadata.of(json).json());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "\"text\"",
                "42",
                "null",
                "{",
                "{\"a\"}",
                "{\"a\":}",
                "{\"a\":1,}",
                "{a:1}",
                "{'a':1}",
                "{\"a\":01}",
                "{\"a\":1.}",
                "{\"a\":.5}",
                "{\"a\":1e}",
                "{\"a\":tru}",
                "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12\"}",
                "{\"a\":\"unclosed}",
                "{\"a\":1} {}",
                "{\"a\":1}x",
                "{\"a\":\"tab\there\"}",
                "{\"a\":NaN}",
                "{\"a\":[1,2}"
            })
    void anythingElse_isRefused(String json) {
        assertThrows(InvalidInputException.class, () -> KeyMetadata.of(json));
    }

    @Test
    void atMost4096Bytes_countedInUtf8() {
        String fits = "{\"x\":\"" + "\u00e9".repeat(2044) + "\"}";
        String over = "{\"x\":\"" + "\u00e9".repeat(2044) + "a\"}";

        assertEquals(4096, KeyMetadata.of(fits).json().getBytes(StandardCharsets.UTF_8).length);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> KeyMetadata.of(over));
        assertEquals("metadata must be at most 4096 bytes of JSON, got 4097", refused.getMessage());
    }

    @Test
    void atMostSixteenDeep() {
        KeyMetadata.of("{\"a\":".repeat(15) + "[1]" + "}".repeat(15)); // sixteen: fifteen objects and an array
        assertThrows(InvalidInputException.class, () -> KeyMetadata.of("{\"a\":".repeat(16) + "[1]" + "}".repeat(16)));
    }

    @Test
    void itsHeaderForm_isBase64urlOfItsUtf8_withoutPadding() {
        KeyMetadata metadata = KeyMetadata.of("{\"note\":\"caf\u00e9?>\"}");

        assertEquals(
                metadata.json(),
                new String(Base64.getUrlDecoder().decode(metadata.base64url()), StandardCharsets.UTF_8));
        assertEquals(-1, metadata.base64url().indexOf('='));
        assertEquals(-1, metadata.base64url().indexOf('+'));
    }

    @Test
    void aMemberNamedTwiceInOneObject_isRefused_evenWhenEscapedDifferently() {
        for (String json : new String[] {
            "{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", "{\"x\":{\"b\":1,\"b\":1}}", "{\"x\":[{\"c\":1,\"c\":2}]}"
        }) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> KeyMetadata.of(json), json);
            assertTrue(refused.getMessage().contains("appears twice"), refused::getMessage);
        }
        KeyMetadata.of("{\"a\":{\"a\":1},\"b\":[{\"a\":1},{\"a\":2}]}"); // the same name in other objects
    }
}
