package io.appkeys.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A token's age against 3- and 6-month cadences, at the exact boundaries, and the cut a list of due keys uses. */
class TokenAgeTest {

    private static final Instant ISSUED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration TICK = Duration.ofNanos(1);

    @Test
    void threeMonths_dueFromThreeCalendarMonths_overdueFromSix() {
        Instant due = Instant.parse("2026-04-05T10:00:00Z");
        Instant overdue = Instant.parse("2026-07-05T10:00:00Z");

        assertEquals(TokenAge.OK, TokenAge.of(ISSUED, ISSUED, 3));
        assertEquals(TokenAge.OK, TokenAge.of(ISSUED, due.minus(TICK), 3));
        assertEquals(TokenAge.DUE, TokenAge.of(ISSUED, due, 3));
        assertEquals(TokenAge.DUE, TokenAge.of(ISSUED, overdue.minus(TICK), 3));
        assertEquals(TokenAge.OVERDUE, TokenAge.of(ISSUED, overdue, 3));
    }

    @Test
    void sixMonths_dueFromSixCalendarMonths_overdueFromTwelve() {
        Instant due = Instant.parse("2026-07-05T10:00:00Z");
        Instant overdue = Instant.parse("2027-01-05T10:00:00Z");

        assertEquals(TokenAge.OK, TokenAge.of(ISSUED, due.minus(TICK), 6));
        assertEquals(TokenAge.DUE, TokenAge.of(ISSUED, due, 6));
        assertEquals(TokenAge.DUE, TokenAge.of(ISSUED, overdue.minus(TICK), 6));
        assertEquals(TokenAge.OVERDUE, TokenAge.of(ISSUED, overdue, 6));
    }

    @Test
    void aTokenIssuedOnADayTheLaterMonthLacks_isDueWhenThatMonthEnds_asAnOlderOneIs() {
        Instant issued = Instant.parse("2025-11-30T22:00:00Z");
        Instant older = Instant.parse("2025-11-29T23:00:00Z");

        assertEquals(TokenAge.OK, TokenAge.of(issued, Instant.parse("2026-02-28T23:59:59Z"), 3));
        assertEquals(TokenAge.OK, TokenAge.of(older, Instant.parse("2026-02-28T23:59:59Z"), 3));
        assertEquals(TokenAge.DUE, TokenAge.of(issued, Instant.parse("2026-03-01T00:00:00Z"), 3));
        assertEquals(TokenAge.DUE, TokenAge.of(older, Instant.parse("2026-03-01T00:00:00Z"), 3));
    }

    @Test
    void theCut_isTheLastInstantOfADueToken() {
        Instant now = Instant.parse("2026-02-28T10:00:00Z");

        Instant cut = TokenAge.dueIfIssuedBy(now, 3);

        assertEquals(Instant.parse("2025-11-28T10:00:00Z"), cut, "from the 29th on, due on 1 March");
        assertEquals(TokenAge.DUE, TokenAge.of(cut, now, 3));
        assertEquals(TokenAge.OK, TokenAge.of(cut.plus(TICK), now, 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 6})
    void theCut_agreesWithTheAge_forAnyIssueAndNow(int months) {
        Random random = new Random(months);
        for (int i = 0; i < 2_000; i++) {
            Instant now = ISSUED.plusSeconds(random.nextInt(3 * 366 * 86_400));
            Instant cut = TokenAge.dueIfIssuedBy(now, months);
            Instant issued = now.minusSeconds(random.nextInt(2 * 366 * 86_400));

            assertEquals(!issued.isAfter(cut), TokenAge.of(issued, now, months) != TokenAge.OK, issued + " at " + now);
            assertEquals(TokenAge.DUE, TokenAge.of(cut, now, months), "the cut itself is due, at " + now);
            assertEquals(TokenAge.OK, TokenAge.of(cut.plus(TICK), now, months), "just after it is not, at " + now);
        }
    }
}
