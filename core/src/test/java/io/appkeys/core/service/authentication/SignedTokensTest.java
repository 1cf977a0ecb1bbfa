package io.appkeys.core.service.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.crypto.Argon2idHasher;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Overloaded;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.AuthenticationResult.Throttled;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.LoginResult;
import io.appkeys.core.domain.LoginResult.LoggedIn;
import io.appkeys.core.domain.LoginResult.Refused;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.domain.Role;
import io.appkeys.core.fixtures.AllUseCases;
import io.appkeys.core.fixtures.BlockingHasher;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import io.appkeys.core.port.in.PublicKeysUseCase;
import io.appkeys.core.service.AppKeysSettings;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A key pair exchanged for a signed token, which then stands for the key as the key is now: its current roles,
 * and only while the key and the appToken it was exchanged for are valid.
 */
class SignedTokensTest {

    private final World world = new World();
    private final AuthenticateUseCase authentication = world.appKeys.use(AuthenticateUseCase.class);
    private final LoginUseCase login = world.appKeys.use(LoginUseCase.class);

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aValidPair_getsATokenThatStandsForItsKey_forTheTokenLifetime() {
        CreatedAppKey key = world.keyWithRole(LicenseManager.OWNER);

        LoggedIn loggedIn = loggedIn(login(key, key.token().reveal()));

        assertEquals(world.clock.instant().plus(Duration.ofHours(24)), loggedIn.expiresAt());
        assertEquals(key.key().id(), loggedIn.principal().id());
        Authenticated authenticated =
                assertInstanceOf(Authenticated.class, withToken(loggedIn.token().reveal()));
        assertEquals(loggedIn.principal(), authenticated.principal());
        assertTrue(authenticated.principal().resources().contains(LicenseManager.VIEW_API_KEYS));
        assertTrue(world.appKeys.use(PublicKeysUseCase.class).publicKeys().contains("\"keys\""));

        world.clock.advance(Duration.ofHours(24));
        assertRejected(withToken(loggedIn.token().reveal()), "expired");
    }

    @Test
    void everyKindOfBadPair_isRefused_asTheAuthenticationWouldBe() {
        CreatedAppKey key = world.newKey("k");
        CreatedAppKey inactive = world.newKey("inactive");
        world.appKeys.setAppKeyActive(world.master, World.ref(inactive), false);
        String otherToken = world.newKey("donor").token().reveal();

        for (LoginResult refused : new LoginResult[] {
            login(key, otherToken),
            login(inactive, inactive.token().reveal()),
            login.login(
                    authentication.attempt("vtexappkey-acme-NOSUCH", key.token().reveal(), "")),
            login.login(authentication.attempt(key.key().appKey().value(), "not a token", ""))
        }) {
            assertInstanceOf(
                    Rejected.class, assertInstanceOf(Refused.class, refused).result());
        }
    }

    @Test
    void aLogin_goesThroughTheThrottle() {
        CreatedAppKey key = world.newKey("k");
        String wrong = world.newKey("donor").token().reveal();

        LoginResult last = null;
        for (int i = 0; i < 20 && !(last instanceof Refused refused && refused.result() instanceof Throttled); i++) {
            last = login.login(authentication.attempt(key.key().appKey().value(), wrong, "203.0.113.9"));
        }

        assertInstanceOf(Throttled.class, assertInstanceOf(Refused.class, last).result());
    }

    @Test
    void aLogin_withASignedTokenInPlaceOfAPair_isNotOne() {
        CreatedAppKey key = world.newKey("k");
        String token = loggedIn(login(key, key.token().reveal())).token().reveal();

        assertThrows(IllegalArgumentException.class, () -> login.login(authentication.attemptToken(token, "")));
    }

    @Test
    void rolesLinkedAndUnlinked_holdForATokenIssuedBefore() {
        CreatedAppKey key = world.newKey("k");
        String token = loggedIn(login(key, key.token().reveal())).token().reveal();
        assertTrue(principalOf(token).resources().isEmpty());

        Role owner = world.appKeys.listRoles(world.master).get(0);
        PrincipalRef ref = new PrincipalRef.ByAppKey(key.key().appKey());
        world.appKeys.linkRoles(world.master, ref, Set.of(owner.id()));
        assertTrue(principalOf(token).resources().contains(LicenseManager.VIEW_API_KEYS));

        world.appKeys.unlinkRole(world.master, ref, owner.id());
        assertTrue(principalOf(token).resources().isEmpty());
    }

    @Test
    void deactivatingOrDeletingTheKey_endsItsTokens() {
        CreatedAppKey key = world.newKey("k");
        String token = loggedIn(login(key, key.token().reveal())).token().reveal();
        principalOf(token); // cached

        world.appKeys.setAppKeyActive(world.master, World.ref(key), false);
        assertRejected(withToken(token), "deactivated");

        world.appKeys.deleteAppKey(world.master, World.ref(key));
        assertRejected(withToken(token), "deleted");
    }

    @Test
    void finishingARenewal_endsTheOldPairsTokens_andCancellingOne_theNewPairs() {
        CreatedAppKey key = world.newKey("k");
        String old = loggedIn(login(key, key.token().reveal())).token().reveal();
        world.clock.advance(Duration.ofMinutes(1)); // each appToken is told apart by when it was made
        String renewed = world.appKeys
                .renewAppToken(world.master, World.ref(key))
                .newToken()
                .reveal();
        String fromRenewed = loggedIn(login(key, renewed)).token().reveal();
        principalOf(old);
        principalOf(fromRenewed);

        world.appKeys.cancelRenewal(world.master, World.ref(key));
        assertRejected(withToken(fromRenewed), "its appToken's renewal was cancelled");
        principalOf(old);

        world.clock.advance(Duration.ofMinutes(1));
        String renewedAgain = world.appKeys
                .renewAppToken(world.master, World.ref(key))
                .newToken()
                .reveal();
        String fromRenewedAgain = loggedIn(login(key, renewedAgain)).token().reveal();
        world.appKeys.finishRenewal(world.master, World.ref(key));
        assertRejected(withToken(old), "its appToken was renewed away");
        principalOf(fromRenewedAgain);
    }

    @Test
    void aMalformedOrForeignToken_isRefused_heldAsAnyRefusal() {
        for (String token : new String[] {null, "", "abc", "a.b.c", "x".repeat(5000)}) {
            Rejected rejected = assertInstanceOf(Rejected.class, withToken(token), String.valueOf(token));
            assertFalse(rejected.holdFor().isNegative());
        }
        assertEquals(RejectionReason.WRONG_TOKEN, ((Rejected) withToken("eyJhbGciOiJub25lIn0.e30.")).reason());
    }

    @Test
    void whenTheSlowWorkIsSaturated_aTokenNotCheckedBefore_isToldToRetry() throws Exception {
        CreatedAppKey key = world.newKey("k");
        CreatedAppKey other = world.newKey("other");
        String token = loggedIn(login(key, key.token().reveal())).token().reveal();
        BlockingHasher blocking = new BlockingHasher(new Argon2idHasher(Argon2Parameters.fast()));
        try (AllUseCases busy = new AllUseCases(AppKeys.builder()
                .storage(world.storage) // a second process on the same store
                .hasher(blocking)
                .clock(world.clock)
                .settings(AppKeysSettings.defaults().withHashing(1, Duration.ofMillis(50)))
                .usageFlushEvery(null)
                .followChanges(false)
                .build())) {
            AuthenticateUseCase busyAuthentication = busy.use(AuthenticateUseCase.class);
            CompletableFuture<AuthenticationResult> hashing = CompletableFuture.supplyAsync(() -> busy.authenticate(
                    other.key().appKey().value(), other.token().reveal()));
            assertTrue(blocking.awaitInside());

            assertInstanceOf(
                    Overloaded.class, busyAuthentication.authenticate(busyAuthentication.attemptToken(token, "")));

            blocking.release();
            assertInstanceOf(Authenticated.class, hashing.get(10, TimeUnit.SECONDS));
            assertInstanceOf(
                    Authenticated.class, busyAuthentication.authenticate(busyAuthentication.attemptToken(token, "")));
        }
    }

    private LoginResult login(CreatedAppKey key, String appToken) {
        return login.login(authentication.attempt(key.key().appKey().value(), appToken, ""));
    }

    private AuthenticationResult withToken(String token) {
        return authentication.authenticate(authentication.attemptToken(token, ""));
    }

    private KeyPrincipal principalOf(String token) {
        return assertInstanceOf(Authenticated.class, withToken(token)).principal();
    }

    private static LoggedIn loggedIn(LoginResult result) {
        return assertInstanceOf(LoggedIn.class, result);
    }

    private static void assertRejected(AuthenticationResult result, String why) {
        assertInstanceOf(Rejected.class, result, why);
    }
}
