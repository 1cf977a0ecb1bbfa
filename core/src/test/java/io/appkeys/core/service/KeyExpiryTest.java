package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LoginResult;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import io.appkeys.core.port.in.SetAppKeyExpiryUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A key's expiry: from that instant on, exactly, the key fails authentication as an inactive key does (same
 * result, same hold), from the cache too, and so do its signed tokens; it can be set at creation or later, and
 * cleared.
 */
class KeyExpiryTest {

    private final World world = new World();
    private final SetAppKeyExpiryUseCase expiry = world.appKeys.use(SetAppKeyExpiryUseCase.class);

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aKeyCreatedWithAnExpiry_authenticatesUntilThatInstant_andNotFromItOn_evenFromTheCache() {
        Instant expires = world.clock.instant().plus(Duration.ofHours(1));
        CreatedAppKey key = world.appKeys.createAppKey(world.master, new Label("expiring"), Optional.of(expires));
        assertEquals(Optional.of(expires), key.key().expiresIn());
        assertInstanceOf(Authenticated.class, world.authenticate(key));

        world.clock.advance(Duration.ofHours(1).minusMillis(1));
        assertInstanceOf(Authenticated.class, world.authenticate(key), "a millisecond before");

        world.clock.advance(Duration.ofMillis(1));
        assertEquals(
                RejectionReason.EXPIRED_KEY,
                assertInstanceOf(Rejected.class, world.authenticate(key)).reason());
        assertTrue(world.appKeys.getAppKey(world.master, World.ref(key)).key().expiredAt(world.clock.instant()));
    }

    @Test
    void anExpiredKey_isRefusedExactlyAsAnInactiveKeyIs() {
        Instant expires = world.clock.instant().plus(Duration.ofMinutes(1));
        CreatedAppKey expiring = world.appKeys.createAppKey(world.master, new Label("expiring"), Optional.of(expires));
        CreatedAppKey inactive = world.newKey("inactive");
        world.appKeys.setAppKeyActive(world.master, World.ref(inactive), false);
        world.clock.advance(Duration.ofMinutes(1));

        Rejected expired = assertInstanceOf(Rejected.class, world.authenticate(expiring));
        Rejected deactivated = assertInstanceOf(Rejected.class, world.authenticate(inactive));

        assertEquals(deactivated.holdFor(), expired.holdFor(), "held the same time: neither costs a hash");
        assertEquals(0, world.hasher.verifications(), "no hashing for either");
    }

    @Test
    void anExpirySetLater_holdsFromTheNextRequest_andCanBeCleared_andIsAudited() {
        CreatedAppKey key = world.newKey("k");
        assertInstanceOf(Authenticated.class, world.authenticate(key)); // cached

        Instant expires = world.clock.instant().plus(Duration.ofMinutes(10));
        assertEquals(
                Optional.of(expires),
                expiry.setAppKeyExpiry(world.master, World.ref(key), Optional.of(expires))
                        .expiresIn());
        world.clock.advance(Duration.ofMinutes(10));
        assertInstanceOf(Rejected.class, world.authenticate(key));

        expiry.setAppKeyExpiry(world.master, World.ref(key), Optional.empty());
        assertInstanceOf(Authenticated.class, world.authenticate(key), "it never expires again");

        List<AuditEntry> entries =
                world.appKeys.readAuditLog(world.master, PageRequest.first()).items();
        assertEquals(
                List.of("expires:" + expires, "expires:never"),
                entries.stream()
                        .filter(entry -> entry.event().action() == AuditAction.KEY_EXPIRY_SET)
                        .map(entry -> entry.event()
                                .target()
                                .substring(entry.event().target().indexOf(' ') + 1))
                        .toList());
    }

    @Test
    void anExpiryNotInTheFuture_isBadInput_andOnlyAnEditorMaySetOne() {
        CreatedAppKey key = world.newKey("k");
        Optional<Instant> now = Optional.of(world.clock.instant());

        assertThrows(InvalidInputException.class, () -> world.appKeys.createAppKey(world.master, new Label("x"), now));
        assertThrows(InvalidInputException.class, () -> expiry.setAppKeyExpiry(world.master, World.ref(key), now));
        CreatedAppKey noRoles = world.newKey("no roles");
        assertThrows(
                ForbiddenException.class,
                () -> expiry.setAppKeyExpiry(
                        world.callerOf(noRoles),
                        World.ref(key),
                        Optional.of(world.clock.instant().plusSeconds(60))));
    }

    @Test
    void aSignedToken_endsWithItsKeysExpiry() {
        Instant expires = world.clock.instant().plus(Duration.ofHours(2));
        CreatedAppKey key = world.appKeys.createAppKey(world.master, new Label("expiring"), Optional.of(expires));
        AuthenticateUseCase authentication = world.appKeys.use(AuthenticateUseCase.class);

        LoginResult.LoggedIn loggedIn = assertInstanceOf(
                LoginResult.LoggedIn.class,
                world.appKeys
                        .use(LoginUseCase.class)
                        .login(authentication.attempt(
                                key.key().appKey().value(), key.token().reveal(), "")));

        assertEquals(expires, loggedIn.expiresAt(), "not past its key");
        String token = loggedIn.token().reveal();
        assertInstanceOf(Authenticated.class, authentication.authenticate(authentication.attemptToken(token, "")));
        world.clock.advance(Duration.ofHours(2));
        AuthenticationResult after = authentication.authenticate(authentication.attemptToken(token, ""));
        assertInstanceOf(Rejected.class, after);
    }
}
