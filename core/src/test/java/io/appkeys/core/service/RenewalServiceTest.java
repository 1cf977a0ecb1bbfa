package io.appkeys.core.service;

import static io.appkeys.core.fixtures.World.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.fixtures.World;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RenewalServiceTest {

    private final World world = new World();
    private final CreatedAppKey key = world.newKey("rotating");

    @AfterEach
    void close() {
        world.close();
    }

    private AuthenticationResult authenticate(String token) {
        return world.appKeys.authenticate(key.key().appKey().value(), token);
    }

    private RenewedToken renew() {
        world.clock.advance(Duration.ofHours(1));
        return world.appKeys.renewAppToken(world.master, ref(key));
    }

    @Test
    void whileRenewing_bothTokensWork() {
        RenewedToken renewed = renew();

        assertInstanceOf(Authenticated.class, authenticate(key.token().reveal()));
        assertInstanceOf(Authenticated.class, authenticate(renewed.newToken().reveal()));
        assertEquals(MutableClock.START, renewed.status().tokenCreatedIn());
        assertEquals(
                Optional.of(MutableClock.START.plus(Duration.ofHours(1))),
                renewed.status().newTokenCreatedIn());
        assertEquals(Duration.ofDays(30), renewed.expirationPeriod());
    }

    @Test
    void finish_invalidatesTheOldTokenAtOnce_evenWhenItWasCached() {
        RenewedToken renewed = renew();
        assertInstanceOf(Authenticated.class, authenticate(key.token().reveal()));

        TokenStatus status = world.appKeys.finishRenewal(world.master, ref(key));

        assertInstanceOf(Rejected.class, authenticate(key.token().reveal()));
        assertInstanceOf(Authenticated.class, authenticate(renewed.newToken().reveal()));
        assertEquals(renewed.status().newTokenCreatedIn().orElseThrow(), status.tokenCreatedIn());
        assertEquals(Optional.empty(), status.newTokenCreatedIn());
    }

    @Test
    void cancel_invalidatesTheNewTokenAtOnce_andKeepsTheOld() {
        RenewedToken renewed = renew();
        assertInstanceOf(Authenticated.class, authenticate(renewed.newToken().reveal()));

        TokenStatus status = world.appKeys.cancelRenewal(world.master, ref(key));

        assertInstanceOf(Rejected.class, authenticate(renewed.newToken().reveal()));
        assertInstanceOf(Authenticated.class, authenticate(key.token().reveal()));
        assertEquals(MutableClock.START, status.tokenCreatedIn());
    }

    @Test
    void secondRenewWhilePending_isConflict_andTheFirstNewTokenStays() {
        RenewedToken first = renew();

        assertThrows(ConflictException.class, this::renew);

        assertInstanceOf(Authenticated.class, authenticate(first.newToken().reveal()));
        assertEquals(1, renewalsAudited());
    }

    @Test
    void finishOrCancel_withoutPendingRenewal_isNotFound() {
        assertThrows(NotFoundException.class, () -> world.appKeys.finishRenewal(world.master, ref(key)));
        assertThrows(NotFoundException.class, () -> world.appKeys.cancelRenewal(world.master, ref(key)));
    }

    @Test
    void oldToken_stopsWorkingByItself_whenTheExpirationPeriodEnds() {
        RenewedToken renewed = renew();
        assertInstanceOf(Authenticated.class, authenticate(key.token().reveal()));

        world.clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertInstanceOf(Authenticated.class, authenticate(key.token().reveal()));
        world.clock.advance(Duration.ofSeconds(1));

        assertInstanceOf(Rejected.class, authenticate(key.token().reveal()));
        assertInstanceOf(Authenticated.class, authenticate(renewed.newToken().reveal()));
        TokenStatus status = world.appKeys.getAppKey(world.master, ref(key)).tokens();
        assertEquals(renewed.status().newTokenCreatedIn().orElseThrow(), status.tokenCreatedIn());
        assertEquals(Optional.empty(), status.newTokenCreatedIn());
        assertThrows(NotFoundException.class, () -> world.appKeys.finishRenewal(world.master, ref(key)));
    }

    @Test
    void afterTheRenewalEndedByItself_aNewRenewalMayStart() {
        RenewedToken first = renew();
        world.clock.advance(Duration.ofDays(31));

        RenewedToken second = renew();

        assertInstanceOf(Authenticated.class, authenticate(first.newToken().reveal()));
        assertInstanceOf(Authenticated.class, authenticate(second.newToken().reveal()));
        assertEquals(
                first.status().newTokenCreatedIn().orElseThrow(),
                second.status().tokenCreatedIn());
    }

    @Test
    void renewalPeriod_isConfigurable() {
        try (World shortLived = new World(AppKeysSettings.defaults().withRenewalPeriod(Duration.ofHours(1)))) {
            CreatedAppKey created = shortLived.newKey("short");
            shortLived.appKeys.renewAppToken(shortLived.master, ref(created));
            shortLived.clock.advance(Duration.ofHours(1));

            assertInstanceOf(Rejected.class, shortLived.authenticate(created));
        }
    }

    @Test
    void aKey_mayNotRenewItsOwnToken_evenWithRenewApiToken() {
        Role renewer =
                world.appKeys.createRole(world.master, new RoleName("Renewer"), Set.of(LicenseManager.RENEW_API_TOKEN));
        world.appKeys.linkRoles(
                world.master, new PrincipalRef.ByAppKey(key.key().appKey()), Set.of(renewer.id()));
        Caller self = world.callerOf(key);

        assertThrows(ForbiddenException.class, () -> world.appKeys.renewAppToken(self, ref(key)));

        CreatedAppKey other = world.newKey("other");
        world.appKeys.linkRoles(
                world.master, new PrincipalRef.ByAppKey(other.key().appKey()), Set.of(renewer.id()));
        RenewedToken renewed = world.appKeys.renewAppToken(world.callerOf(other), ref(key));
        assertTrue(renewed.status().newTokenCreatedIn().isPresent());
    }

    @Test
    void withoutRenewApiToken_renewingIsForbidden() {
        Caller admin = world.callerOf(world.keyWithRole(LicenseManager.USER_ADMINISTRATOR));

        assertThrows(ForbiddenException.class, () -> world.appKeys.renewAppToken(admin, ref(key)));
        assertThrows(ForbiddenException.class, () -> world.appKeys.finishRenewal(admin, ref(key)));
    }

    @Test
    void renewal_isAudited_withoutTheToken() {
        RenewedToken renewed = renew();
        world.appKeys.finishRenewal(world.master, ref(key));

        List<AuditAction> actions = world.appKeys.readAuditLog(world.master, PageRequest.first()).items().stream()
                .map(entry -> entry.event().action())
                .toList();
        assertTrue(actions.containsAll(List.of(AuditAction.TOKEN_RENEWED, AuditAction.RENEWAL_FINISHED)));
        world.appKeys
                .readAuditLog(world.master, PageRequest.first())
                .items()
                .forEach(entry ->
                        assertTrue(!entry.toString().contains(renewed.newToken().reveal())));
    }

    private long renewalsAudited() {
        return world.appKeys.readAuditLog(world.master, PageRequest.first()).items().stream()
                .filter(entry -> entry.event().action() == AuditAction.TOKEN_RENEWED)
                .count();
    }
}
