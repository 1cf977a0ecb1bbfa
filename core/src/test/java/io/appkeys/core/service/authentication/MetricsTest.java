package io.appkeys.core.service.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.AppKeys;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Throttled;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.memory.InMemoryStorage;
import io.appkeys.core.port.in.Attempt;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.ReadMetricsUseCase;
import io.appkeys.core.port.in.ReadMetricsUseCase.Metrics;
import io.appkeys.core.service.AppKeysSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Core's counters, as an adapter reads them for metrics: each attempt counts once, under its answer. */
class MetricsTest {

    private final World world = new World(AppKeysSettings.defaults().withThrottle(2, Duration.ofMinutes(1)));
    private final AuthenticateUseCase authentication = world.appKeys.use(AuthenticateUseCase.class);
    private final CreatedAppKey key = world.newKey("metered");
    private final String appKey = key.key().appKey().value();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void anAttemptHandedFromTheQuickCheckToTheFullOne_countsOnce() {
        Attempt first = attempt(key.token().reveal());
        assertEquals(Optional.empty(), authentication.authenticateWithoutBlocking(first));
        assertInstanceOf(Authenticated.class, authentication.authenticate(first));
        Attempt second = attempt(key.token().reveal());
        assertInstanceOf(
                Authenticated.class,
                authentication.authenticateWithoutBlocking(second).orElseThrow());
        assertInstanceOf(Authenticated.class, authentication.authenticate(second)); // asked again, as a gateway may

        Metrics metrics = metrics();
        assertEquals(2, metrics.authenticated());
        assertEquals(1, metrics.cacheMisses());
        assertEquals(1, metrics.cacheHits());
        assertEquals(1, metrics.cacheSize());
    }

    @Test
    void refusals_areCountedByCause_throttledAndMalformedIncluded() {
        String wrong = AppToken.fromBody("Q".repeat(AppToken.BODY_LENGTH)).reveal();
        authentication.authenticate(attempt(wrong));
        authentication.authenticate(attempt(wrong));
        assertInstanceOf(Throttled.class, authentication.authenticate(attempt(wrong)));
        authentication.authenticate(authentication.attempt("not a key", "x", "test", Optional.empty()));
        authentication.authenticate(authentication.attempt("vtexappkey-acme-NOSUCH", wrong, "other", Optional.empty()));

        Metrics metrics = metrics();
        assertEquals(0, metrics.authenticated());
        assertEquals(2, metrics.rejected(RejectionReason.WRONG_TOKEN));
        assertEquals(1, metrics.rejected(RejectionReason.MALFORMED));
        assertEquals(1, metrics.rejected(RejectionReason.UNKNOWN_KEY));
        assertEquals(0, metrics.rejected(RejectionReason.INACTIVE_KEY));
        assertEquals(1, metrics.throttled());
        assertEquals(0, metrics.overloaded());
        assertEquals(4, metrics.cacheMisses()); // the malformed one is never looked up
        assertEquals(
                metrics.rejected(RejectionReason.WRONG_TOKEN),
                world.appKeys.rejections().get(RejectionReason.WRONG_TOKEN));
    }

    @Test
    void hashing_isCountedWithItsTime_andNothingRunsWhenIdle() {
        long before = metrics().hashes(); // the key's creation hashed its token
        assertTrue(before >= 1);
        authentication.authenticate(attempt(key.token().reveal()));

        Metrics metrics = metrics();
        assertEquals(before + 1, metrics.hashes());
        assertFalse(metrics.hashingTime().isZero());
        assertEquals(0, metrics.hashingActive());
        assertEquals(0, metrics.hashingWaiting());
        assertEquals(Optional.empty(), metrics.changeFeedLag()); // this instance does not follow the feed
    }

    @Test
    void anInstanceFollowingTheFeed_reportsHowFarBehindItIs() {
        try (AppKeys following = AppKeys.builder()
                .storage(new InMemoryStorage())
                .usageFlushEvery(null)
                .build()) {
            Duration lag = following
                    .use(ReadMetricsUseCase.class)
                    .metrics()
                    .changeFeedLag()
                    .orElseThrow();
            assertTrue(lag.compareTo(Duration.ofMinutes(1)) < 0, lag::toString);
        }
    }

    private Attempt attempt(String token) {
        return authentication.attempt(appKey, token, "test", Optional.empty());
    }

    private Metrics metrics() {
        return world.appKeys.use(ReadMetricsUseCase.class).metrics();
    }
}
