package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.TokenAge;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.KeyFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * VTEX's token-age alerts: each key's current token is ok, due past the account's cadence (3 or 6 months) and
 * overdue past twice that, measured from its issue or last renewal, in the list, in one key's view, and as a
 * filter of the list.
 */
class TokenAgeAlertsTest {

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void threeMonths_byDefault_atTheExactBoundaries() {
        CreatedAppKey key = world.newKey("k"); // issued at MutableClock.START, 2026-01-05T10:00:00Z

        assertAge(key, TokenAge.OK, "2026-04-05T09:59:59.999Z");
        assertAge(key, TokenAge.DUE, "2026-04-05T10:00:00Z");
        assertAge(key, TokenAge.DUE, "2026-07-05T09:59:59.999Z");
        assertAge(key, TokenAge.OVERDUE, "2026-07-05T10:00:00Z");
    }

    @Test
    void sixMonths_whenTheAccountSaysSo_atTheExactBoundaries() {
        world.appKeys.changeAccountSettings(world.master, AccountSettings.DEFAULTS.withRenewEveryMonths(6));
        CreatedAppKey key = world.newKey("k");

        assertAge(key, TokenAge.OK, "2026-07-05T09:59:59.999Z");
        assertAge(key, TokenAge.DUE, "2026-07-05T10:00:00Z");
        assertAge(key, TokenAge.DUE, "2027-01-05T09:59:59.999Z");
        assertAge(key, TokenAge.OVERDUE, "2027-01-05T10:00:00Z");
    }

    @Test
    void theAge_isCountedFromTheLastRenewal() {
        CreatedAppKey key = world.newKey("k");
        moveTo("2026-05-01T00:00:00Z");
        assertEquals(TokenAge.DUE, status(key).tokenAgeStatus());

        world.appKeys.renewAppToken(world.master, World.ref(key));
        assertEquals(TokenAge.DUE, status(key).tokenAgeStatus(), "the old token is still the current one");
        world.appKeys.finishRenewal(world.master, World.ref(key));

        TokenStatus renewed = status(key);
        assertEquals(TokenAge.OK, renewed.tokenAgeStatus());
        assertEquals(Duration.ZERO, renewed.tokenAge());
        moveTo("2026-08-01T00:00:00Z");
        assertEquals(TokenAge.DUE, status(key).tokenAgeStatus());
        assertEquals(Duration.ofDays(92), status(key).tokenAge());
    }

    @Test
    void theDueFilter_listsTheKeysThatNeedRenewal_withTheirStatus() {
        CreatedAppKey oldest = world.newKey("oldest");
        moveTo("2026-02-01T00:00:00Z");
        CreatedAppKey middle = world.newKey("middle");
        moveTo("2026-05-01T00:00:00Z");
        CreatedAppKey fresh = world.newKey("fresh");
        moveTo("2026-07-05T10:00:00Z"); // oldest is overdue, middle due, fresh ok

        List<ListedAppKey> due = world.appKeys
                .listAppKeys(world.master, PageRequest.first(), KeyFilter.DUE)
                .items();
        List<ListedAppKey> all = world.appKeys
                .listAppKeys(world.master, PageRequest.first(), KeyFilter.ALL)
                .items();

        assertEquals(
                List.of(oldest.key().id(), middle.key().id()),
                due.stream().map(k -> k.key().id()).toList());
        assertEquals(
                List.of(TokenAge.OVERDUE, TokenAge.DUE),
                due.stream().map(k -> k.tokens().tokenAgeStatus()).toList());
        assertEquals(
                List.of(TokenAge.OVERDUE, TokenAge.DUE, TokenAge.OK),
                all.stream().map(k -> k.tokens().tokenAgeStatus()).toList());
        assertEquals(fresh.key().id(), all.get(2).key().id());
    }

    private void assertAge(CreatedAppKey key, TokenAge expected, String at) {
        moveTo(at);
        assertEquals(expected, status(key).tokenAgeStatus(), "at " + at);
        assertEquals(
                expected,
                world.appKeys
                        .listAppKeys(world.master, PageRequest.first(), KeyFilter.ALL)
                        .items()
                        .get(0)
                        .tokens()
                        .tokenAgeStatus(),
                "listed, at " + at);
        assertEquals(
                expected != TokenAge.OK,
                world.appKeys
                                .listAppKeys(world.master, PageRequest.first(), KeyFilter.DUE)
                                .items()
                                .size()
                        == 1,
                "in the list of due keys, at " + at);
    }

    private TokenStatus status(CreatedAppKey key) {
        return world.appKeys.getAppKey(world.master, World.ref(key)).tokens();
    }

    private void moveTo(String instant) {
        Duration ahead = Duration.between(world.clock.instant(), Instant.parse(instant));
        if (ahead.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, from " + MutableClock.START);
        }
        world.clock.advance(ahead);
    }
}
