package io.appkeys.core.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.Label;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    @Test
    void all_hasNoCondition_andDue_onlyTheDueOne() {
        assertEquals(new KeyFilter(Optional.empty(), Optional.empty(), false), KeyFilter.ALL);
        assertEquals(new KeyFilter(Optional.empty(), Optional.empty(), true), KeyFilter.DUE);
        assertEquals(KeyFilter.DUE, KeyFilter.ALL.withDue(true));
        assertEquals(KeyFilter.ALL, KeyFilter.DUE.withDue(false));
    }

    @Test
    void conditions_combine() {
        KeyFilter filter = KeyFilter.DUE.withLabel("orders").withActive(false);

        assertEquals(Optional.of("orders"), filter.label());
        assertEquals(Optional.of(false), filter.active());
        assertTrue(filter.due());
        assertEquals(Optional.of(true), filter.withActive(true).active());
    }

    @Test
    void aLabelPart_isStripped_andABlankOrNullOne_isNoCondition() {
        assertEquals(
                Optional.of("orders sync"),
                KeyFilter.ALL.withLabel("  orders sync\t").label());
        assertEquals(KeyFilter.ALL, KeyFilter.ALL.withLabel("   "));
        assertEquals(KeyFilter.ALL, KeyFilter.ALL.withLabel(""));
        assertEquals(KeyFilter.ALL, KeyFilter.ALL.withLabel("orders").withLabel(null));
    }

    @Test
    void aLabelPartLongerThanTheLongestLabel_isInvalid() {
        String longest = "x".repeat(Label.MAX_LENGTH);
        assertEquals(
                Optional.of(longest),
                KeyFilter.ALL.withLabel(" " + longest + " ").label());

        InvalidInputException tooLong =
                assertThrows(InvalidInputException.class, () -> KeyFilter.ALL.withLabel(longest + "x"));
        assertTrue(tooLong.getMessage().contains("at most " + Label.MAX_LENGTH), tooLong.getMessage());
        assertFalse(tooLong.getMessage().contains(longest), "the input is not echoed");
    }

    @Test
    void aLabelPartWithControlCharacters_isInvalid() {
        assertThrows(InvalidInputException.class, () -> KeyFilter.ALL.withLabel("a\u0000b"));
        assertThrows(InvalidInputException.class, () -> KeyFilter.ALL.withLabel("a\nb"));
    }
}
