package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.LoginResult;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Safe rotation: while a renewal is pending, each token's last use is kept apart, whether it came through the
 * full check, the cache or a signed token, so an operator sees whether the old token is still in use before
 * finishing; and a renewal may finish by itself after the account's grace period.
 */
class SafeRotationTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void eachTokensLastUse_isShownApart_duringARenewal() {
        CreatedAppKey key = world.newKey("k");
        world.clock.advance(MINUTE);
        Instant renewedIn = world.clock.instant();
        RenewedToken renewed = world.appKeys.renewAppToken(world.master, World.ref(key));
        assertEquals(Optional.empty(), renewed.status().newTokenLastUsedIn());

        world.clock.advance(MINUTE);
        Instant oldUsed = world.clock.instant();
        assertInstanceOf(Authenticated.class, world.authenticate(key)); // the full check
        world.clock.advance(MINUTE);
        Instant newUsed = world.clock.instant();
        assertInstanceOf(Authenticated.class, authenticateNew(key, renewed));
        world.clock.advance(MINUTE);
        Instant oldUsedAgain = world.clock.instant();
        assertInstanceOf(Authenticated.class, world.authenticate(key)); // from the cache this time
        world.appKeys.flushUsage();

        TokenStatus status = status(key);
        assertEquals(Optional.of(oldUsedAgain), status.tokenLastUsedIn());
        assertEquals(Optional.of(newUsed), status.newTokenLastUsedIn());
        assertEquals(Optional.of(renewedIn), status.newTokenCreatedIn());
        assertTrue(oldUsed.isBefore(oldUsedAgain));
        assertEquals(
                Optional.of(oldUsedAgain),
                world.appKeys.getAppKey(world.master, World.ref(key)).key().lastUsedIn());
    }

    @Test
    void anOldTokenNoLongerUsed_showsSinceWhen_andFinishingKeepsTheNewTokensUse() {
        CreatedAppKey key = world.newKey("k");
        world.clock.advance(MINUTE);
        RenewedToken renewed = world.appKeys.renewAppToken(world.master, World.ref(key));
        world.clock.advance(MINUTE);
        Instant lastOld = world.clock.instant();
        world.authenticate(key);
        for (int i = 0; i < 5; i++) {
            world.clock.advance(Duration.ofHours(1));
            assertInstanceOf(Authenticated.class, authenticateNew(key, renewed));
        }
        Instant lastNew = world.clock.instant();
        world.appKeys.flushUsage();

        assertEquals(Optional.of(lastOld), status(key).tokenLastUsedIn(), "unused for five hours: safe to finish");
        TokenStatus finished = world.appKeys.finishRenewal(world.master, World.ref(key));

        assertEquals(Optional.of(lastNew), finished.tokenLastUsedIn());
        assertEquals(Optional.empty(), finished.newTokenLastUsedIn());
    }

    @Test
    void aSignedToken_countsAsAUseOfTheAppTokenItWasObtainedWith() {
        CreatedAppKey key = world.newKey("k");
        world.clock.advance(MINUTE);
        RenewedToken renewed = world.appKeys.renewAppToken(world.master, World.ref(key));
        AuthenticateUseCase authentication = world.appKeys.use(AuthenticateUseCase.class);
        LoginResult.LoggedIn login = assertInstanceOf(
                LoginResult.LoggedIn.class,
                world.appKeys
                        .use(LoginUseCase.class)
                        .login(authentication.attempt(
                                key.key().appKey().value(), key.token().reveal(), "test")));
        world.clock.advance(Duration.ofHours(1));
        Instant used = world.clock.instant();

        assertInstanceOf(
                Authenticated.class,
                authentication.authenticate(
                        authentication.attemptToken(login.token().reveal(), "test")));
        world.appKeys.flushUsage();

        assertEquals(Optional.of(used), status(key).tokenLastUsedIn());
        assertEquals(Optional.empty(), status(key).newTokenLastUsedIn());
        assertTrue(renewed.status().newTokenCreatedIn().isPresent());
    }

    @Test
    void aRenewal_finishesByItself_afterTheAccountsGracePeriod_exactly() {
        world.appKeys.changeAccountSettings(
                world.master, AccountSettings.DEFAULTS.withAutoFinishAfter(Optional.of(Duration.ofDays(7))));
        CreatedAppKey key = world.newKey("k");
        world.clock.advance(MINUTE);
        Instant renewedIn = world.clock.instant();
        RenewedToken renewed = world.appKeys.renewAppToken(world.master, World.ref(key));
        assertEquals(
                Optional.of(renewedIn.plus(Duration.ofDays(7))),
                renewed.status().tokenExpiresIn());
        assertInstanceOf(Authenticated.class, world.authenticate(key));

        world.clock.advance(Duration.ofDays(7).minusMillis(1));
        assertInstanceOf(Authenticated.class, world.authenticate(key), "a millisecond before, from the cache");
        world.clock.advance(Duration.ofMillis(1));

        assertEquals(
                RejectionReason.WRONG_TOKEN,
                assertInstanceOf(Rejected.class, world.authenticate(key)).reason());
        assertInstanceOf(Authenticated.class, authenticateNew(key, renewed));
        TokenStatus status = status(key);
        assertEquals(renewedIn, status.tokenCreatedIn(), "the new token is the current one");
        assertEquals(Optional.empty(), status.newTokenCreatedIn());
        assertTrue(world.appKeys.readAuditLog(world.master, PageRequest.first(100)).items().stream()
                .anyMatch(entry -> entry.event().action() == AuditAction.TOKEN_RENEWED
                        && entry.event().target().endsWith(" finishes:" + renewedIn.plus(Duration.ofDays(7)))));
    }

    @Test
    void withoutAGracePeriod_aRenewalLastsTheWholeExpirationPeriod_andAGraceSetLaterLeavesItSo() {
        CreatedAppKey key = world.newKey("k");
        world.clock.advance(MINUTE);
        Instant renewedIn = world.clock.instant();
        world.appKeys.renewAppToken(world.master, World.ref(key));
        world.appKeys.changeAccountSettings(
                world.master, AccountSettings.DEFAULTS.withAutoFinishAfter(Optional.of(Duration.ofDays(1))));

        world.clock.advance(Duration.ofDays(29));

        assertEquals(
                Optional.of(renewedIn.plus(Duration.ofDays(30))), status(key).tokenExpiresIn());
        assertInstanceOf(Authenticated.class, world.authenticate(key));
    }

    private Object authenticateNew(CreatedAppKey key, RenewedToken renewed) {
        return world.appKeys.authenticate(
                key.key().appKey().value(), renewed.newToken().reveal());
    }

    private TokenStatus status(CreatedAppKey key) {
        return world.appKeys.getAppKey(world.master, World.ref(key)).tokens();
    }
}
