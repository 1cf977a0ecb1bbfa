package io.appkeys.core.service.authentication;

import static io.appkeys.core.fixtures.World.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.crypto.Argon2idHasher;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Overloaded;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.AuthenticationResult.Throttled;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.domain.Role;
import io.appkeys.core.fixtures.AllUseCases;
import io.appkeys.core.fixtures.BlockingHasher;
import io.appkeys.core.fixtures.CountingHasher;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.fixtures.TimedHasher;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.GetKeyUsageUseCase;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.service.AppKeysSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {

    private final World world = new World();
    private final CreatedAppKey key = world.keyWithRole(LicenseManager.OWNER);
    private final String appKey = key.key().appKey().value();
    private final String token = key.token().reveal();

    @AfterEach
    void close() {
        world.close();
    }

    private static String wrongToken() {
        return AppToken.fromBody("A".repeat(AppToken.BODY_LENGTH)).reveal();
    }

    @Test
    void validPair_givesTheKeyItsAccountAndResources() {
        Authenticated result = assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token));

        assertEquals(key.key().id(), result.principal().id());
        assertEquals(world.acme.name(), result.principal().account());
        assertEquals(
                LicenseManager.roles().get(LicenseManager.OWNER),
                result.principal().resources());
    }

    @Test
    void unknownKey_wrongToken_inactiveKey_andMalformedValues_failTheSameWay() {
        CreatedAppKey inactive = world.newKey("inactive");
        world.appKeys.setAppKeyActive(world.master, ref(inactive), false);

        List<AuthenticationResult> results = List.of(
                world.appKeys.authenticate("vtexappkey-acme-NOSUCH", token),
                world.appKeys.authenticate(appKey, wrongToken()),
                world.appKeys.authenticate(
                        inactive.key().appKey().value(), inactive.token().reveal()),
                world.appKeys.authenticate(appKey, token.substring(1) + "A"),
                world.appKeys.authenticate(appKey, token.toLowerCase()),
                world.appKeys.authenticate("not a key", token),
                world.appKeys.authenticate(null, null),
                world.appKeys.authenticate(appKey, ""));

        results.forEach(result -> assertInstanceOf(Rejected.class, result));
        assertEquals(
                List.of(
                        RejectionReason.UNKNOWN_KEY,
                        RejectionReason.WRONG_TOKEN,
                        RejectionReason.INACTIVE_KEY,
                        RejectionReason.MALFORMED,
                        RejectionReason.MALFORMED,
                        RejectionReason.MALFORMED,
                        RejectionReason.MALFORMED,
                        RejectionReason.MALFORMED),
                results.stream().map(r -> ((Rejected) r).reason()).toList());
    }

    @Test
    void malformedOrChecksumFailingTokens_touchNeitherStoreNorHasher() {
        int storeCalls = world.storage.calls();
        int verifications = world.hasher.verifications();
        char last = token.charAt(AppToken.LENGTH - 1);
        String badChecksum = token.substring(0, AppToken.LENGTH - 1) + (last == 'Z' ? 'Y' : (char) (last + 1));

        assertInstanceOf(Rejected.class, world.appKeys.authenticate(appKey, badChecksum));
        assertInstanceOf(Rejected.class, world.appKeys.authenticate(appKey, token.substring(0, 100)));
        assertInstanceOf(Rejected.class, world.appKeys.authenticate("vtexappkey-acme-abcdef", token));

        assertEquals(storeCalls, world.storage.calls());
        assertEquals(verifications, world.hasher.verifications());
    }

    @Test
    void secondRequestWithTheSamePair_isServedFromTheCache() {
        world.appKeys.authenticate(appKey, token);
        int storeCalls = world.storage.calls();
        int verifications = world.hasher.verifications();

        for (int i = 0; i < 5; i++) {
            assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token));
        }

        assertEquals(storeCalls, world.storage.calls());
        assertEquals(verifications, world.hasher.verifications());
    }

    @Test
    void aCacheMiss_costsOneVerification() {
        int verifications = world.hasher.verifications();

        world.appKeys.authenticate(appKey, token);

        assertEquals(verifications + 1, world.hasher.verifications());
    }

    @Test
    void theCache_isNotServedAfterDeactivateDeleteOrRoleChange() {
        world.appKeys.authenticate(appKey, token);
        world.appKeys.setAppKeyActive(world.master, ref(key), false);
        assertInstanceOf(Rejected.class, world.appKeys.authenticate(appKey, token));

        world.appKeys.setAppKeyActive(world.master, ref(key), true);
        world.appKeys.authenticate(appKey, token);
        Role owner = world.appKeys
                .rolesOf(world.master, new PrincipalRef.ByAppKey(key.key().appKey()))
                .get(0);
        world.appKeys.unlinkRole(
                world.master, new PrincipalRef.ByAppKey(key.key().appKey()), owner.id());
        assertEquals(
                Set.of(),
                ((Authenticated) world.appKeys.authenticate(appKey, token))
                        .principal()
                        .resources());

        world.appKeys.deleteAppKey(world.master, ref(key));
        assertInstanceOf(Rejected.class, world.appKeys.authenticate(appKey, token));
    }

    @Test
    void theCache_trustsAPairOnlyForItsTtl_soChangesByOtherProcessesShowUp() {
        world.appKeys.authenticate(appKey, token);
        world.storage.keys().setActive(key.key().id(), false);

        assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token));
        world.clock.advance(AppKeysSettings.defaults().cacheTtl());

        assertInstanceOf(Rejected.class, world.appKeys.authenticate(appKey, token));
    }

    @Test
    void afterTheTtl_aRememberedPairIsConfirmedWithOneStoreRead_andNoHashing() {
        world.appKeys.authenticate(appKey, token);
        world.clock.advance(AppKeysSettings.defaults().cacheTtl());
        int verifications = world.hasher.verifications();

        assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token));

        assertEquals(verifications, world.hasher.verifications());
        int storeCalls = world.storage.calls();
        assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token));
        assertEquals(storeCalls, world.storage.calls(), "trusted again for a new TTL");
    }

    @Test
    void aRememberedPairWhoseStoredHashChanged_isCheckedInFull() {
        RenewedToken renewed = world.appKeys.renewAppToken(world.master, ref(key));
        world.appKeys.authenticate(appKey, token);
        world.storage.keys().finishRenewal(key.key().id()); // as another process would, without eviction here
        world.clock.advance(AppKeysSettings.defaults().cacheTtl());

        assertInstanceOf(Rejected.class, world.appKeys.authenticate(appKey, token));
        assertInstanceOf(
                Authenticated.class,
                world.appKeys.authenticate(appKey, renewed.newToken().reveal()));
    }

    @Test
    void theOwnersVerifiedToken_isNotThrottled_evenAfterItsTtl() {
        world.appKeys.authenticate(appKey, token);
        world.clock.advance(AppKeysSettings.defaults().cacheTtl());
        for (int i = 0; i < 3 * AppKeysSettings.defaults().throttleMaxFailures(); i++) {
            world.appKeys.authenticate(appKey, wrongToken());
        }
        assertInstanceOf(Throttled.class, world.appKeys.authenticate(appKey, wrongToken()));

        assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token));
    }

    @Test
    void someoneElsesWrongTokens_neverHoldBackTheOwnersPair_evenOnAColdCache() {
        String attacker = "203.0.113.9";
        for (int i = 0; i < 3 * AppKeysSettings.defaults().throttleMaxFailures(); i++) {
            world.appKeys.authenticate(appKey, wrongToken(), attacker);
        }
        assertInstanceOf(Throttled.class, world.appKeys.authenticate(appKey, wrongToken(), attacker));

        assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token, "198.51.100.7"));
    }

    @Test
    void everyRefusal_isHeldUntilTheSameTimeAfterItsCheckBegan_whateverItsCause() {
        Duration refusal = AppKeysSettings.defaults().refusalTime();
        Duration hashing = Duration.ofMillis(30);
        CreatedAppKey inactive = world.newKey("inactive");
        world.appKeys.setAppKeyActive(world.master, ref(inactive), false);
        try (AllUseCases timed = hashingFor(hashing)) {
            assertEquals(
                    List.of(refusal, refusal, refusal, refusal.minus(hashing)),
                    List.of(
                                    timed.authenticate("x", token),
                                    timed.authenticate("vtexappkey-acme-NOSUCH", token),
                                    timed.authenticate(
                                            inactive.key().appKey().value(),
                                            inactive.token().reveal()),
                                    timed.authenticate(appKey, wrongToken()))
                            .stream()
                            .map(result ->
                                    assertInstanceOf(Rejected.class, result).holdFor())
                            .toList());
        }
    }

    @Test
    void aCheckSlowerThanTheRefusalTime_isAnsweredAtOnce() {
        Duration hashing = AppKeysSettings.defaults().refusalTime().plusMillis(1);
        try (AllUseCases timed = hashingFor(hashing)) {
            Rejected late = assertInstanceOf(Rejected.class, timed.authenticate(appKey, wrongToken()));

            assertEquals(Duration.ZERO, late.holdFor());
        }
    }

    @Test
    void concurrentChecksOfOnePair_shareOneVerification() throws Exception {
        CountingHasher counting = new CountingHasher(new Argon2idHasher(Argon2Parameters.fast()));
        BlockingHasher slow = new BlockingHasher(counting);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(5);
        try (AllUseCases appKeys = new AllUseCases(AppKeys.builder()
                .storage(world.storage)
                .hasher(slow)
                .clock(world.clock)
                .usageFlushEvery(null)
                .build())) {
            List<CompletableFuture<AuthenticationResult>> calls = new java.util.ArrayList<>();
            calls.add(CompletableFuture.supplyAsync(() -> appKeys.authenticate(appKey, token), threads));
            assertTrue(slow.awaitInside());
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> appKeys.authenticate(appKey, token), threads));
            }
            Thread.sleep(300);
            assertTrue(calls.stream().noneMatch(CompletableFuture::isDone), "all wait for the one check");
            slow.release();

            for (CompletableFuture<AuthenticationResult> call : calls) {
                assertInstanceOf(Authenticated.class, call.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, counting.verifications());
            appKeys.appKeys().flushUsage();
            assertEquals(
                    5,
                    appKeys.use(GetKeyUsageUseCase.class)
                            .keyUsage(world.master, World.ref(key), 1)
                            .last24Hours(),
                    "one check, five uses");
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void repeatedWrongTokens_throttleTheAppKey_withoutCallingTheHasher() {
        for (int i = 0; i < AppKeysSettings.defaults().throttleMaxFailures(); i++) {
            assertInstanceOf(Rejected.class, world.appKeys.authenticate(appKey, wrongToken()));
        }
        int verifications = world.hasher.verifications();
        int storeCalls = world.storage.calls();

        Throttled throttled = assertInstanceOf(Throttled.class, world.appKeys.authenticate(appKey, wrongToken()));

        assertEquals(Duration.ofSeconds(10), throttled.retryAfter());
        assertEquals(verifications, world.hasher.verifications());
        assertEquals(storeCalls, world.storage.calls());
        world.clock.advance(Duration.ofSeconds(4));
        assertEquals(Duration.ofSeconds(6), ((Throttled) world.appKeys.authenticate(appKey, token)).retryAfter());
    }

    @Test
    void aVerifiedToken_keepsWorkingWhileItsAppKeyIsThrottled() {
        world.appKeys.authenticate(appKey, token);
        for (int i = 0; i < 3 * AppKeysSettings.defaults().throttleMaxFailures(); i++) {
            world.appKeys.authenticate(appKey, wrongToken());
        }

        assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token));
    }

    @Test
    void theThrottle_endsWithItsWindow_andIsPerAppKey() {
        CreatedAppKey other = world.newKey("other");
        for (int i = 0; i < AppKeysSettings.defaults().throttleMaxFailures(); i++) {
            world.appKeys.authenticate(appKey, wrongToken());
        }
        assertInstanceOf(Throttled.class, world.appKeys.authenticate(appKey, token));

        assertInstanceOf(Authenticated.class, world.authenticate(other));
        world.clock.advance(AppKeysSettings.defaults().throttleWindow());
        assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token));
    }

    @Test
    void whenHashingIsSaturated_callersAreToldToRetry_insteadOfQueueingForever() throws Exception {
        BlockingHasher blocking = new BlockingHasher(new Argon2idHasher(Argon2Parameters.fast()));
        AppKeysSettings settings = AppKeysSettings.defaults().withHashing(1, Duration.ofMillis(50));
        try (AllUseCases appKeys = new AllUseCases(AppKeys.builder()
                .hasher(blocking)
                .clock(new MutableClock())
                .settings(settings)
                .usageFlushEvery(null)
                .build())) {
            Caller master = Caller.master(
                    appKeys.createAccount(
                            new NewAccount(world.acme.name(), world.acme.masterEmail(), Optional.empty(), "test")),
                    "test");
            CreatedAppKey first = appKeys.createAppKey(master, new Label("first"));
            CreatedAppKey second = appKeys.createAppKey(master, new Label("second"));
            CompletableFuture<AuthenticationResult> busy = CompletableFuture.supplyAsync(() -> appKeys.authenticate(
                    first.key().appKey().value(), first.token().reveal()));
            assertTrue(blocking.awaitInside());

            AuthenticationResult refused = appKeys.authenticate(
                    second.key().appKey().value(), second.token().reveal());

            assertInstanceOf(Overloaded.class, refused);
            blocking.release();
            assertInstanceOf(Authenticated.class, busy.get(10, TimeUnit.SECONDS));
            assertInstanceOf(
                    Authenticated.class,
                    appKeys.authenticate(
                            second.key().appKey().value(), second.token().reveal()));
        }
    }

    @Test
    void aHashMadeWithOldParameters_isUpgradedOnTheNextSuccessfulCheck() {
        CountingHasher stronger = new CountingHasher(new Argon2idHasher(new Argon2Parameters(128, 2, 1)));
        String before = storedHash();
        try (AllUseCases upgraded = new AllUseCases(AppKeys.builder()
                .storage(world.storage)
                .hasher(stronger)
                .clock(world.clock)
                .usageFlushEvery(null)
                .build())) {
            assertInstanceOf(Authenticated.class, upgraded.authenticate(appKey, token));
        }

        String after = storedHash();
        assertTrue(before.contains("m=64,t=1,p=1"));
        assertTrue(after.contains("m=128,t=2,p=1"));
        assertEquals(1, stronger.hashes());
        assertInstanceOf(Authenticated.class, world.appKeys.authenticate(appKey, token));
    }

    /** Core over the same store, with a hasher that takes {@code hashing} on the test's clock. */
    private AllUseCases hashingFor(Duration hashing) {
        return new AllUseCases(AppKeys.builder()
                .storage(world.storage)
                .clock(world.clock)
                .usageFlushEvery(null)
                .hasher(new TimedHasher(new Argon2idHasher(Argon2Parameters.fast()), world.clock, hashing))
                .build());
    }

    private String storedHash() {
        return world.storage
                .keys()
                .credentials(key.key().id())
                .orElseThrow()
                .current()
                .hash()
                .value();
    }

    @Test
    void lastUse_isRecordedOffTheRequestPath_atMostOncePerInterval() {
        world.appKeys.authenticate(appKey, token);
        assertEquals(
                Optional.empty(),
                world.appKeys.getAppKey(world.master, ref(key)).key().lastUsedIn());

        assertEquals(1, world.appKeys.flushUsage());
        assertEquals(
                Optional.of(MutableClock.START),
                world.appKeys.getAppKey(world.master, ref(key)).key().lastUsedIn());

        world.clock.advance(Duration.ofSeconds(30));
        world.appKeys.authenticate(appKey, token);
        assertEquals(0, world.appKeys.flushUsage());
        world.clock.advance(Duration.ofSeconds(30));
        world.appKeys.authenticate(appKey, token);
        assertEquals(1, world.appKeys.flushUsage());
        assertEquals(
                Optional.of(MutableClock.START.plusSeconds(60)),
                world.appKeys.getAppKey(world.master, ref(key)).key().lastUsedIn());
    }

    @Test
    void withoutBlocking_answersMalformedCachedAndThrottled_andDefersTheRest() {
        assertInstanceOf(
                Rejected.class,
                world.appKeys.authenticateWithoutBlocking("x", "y").orElseThrow());
        int storeCalls = world.storage.calls();
        assertEquals(Optional.empty(), world.appKeys.authenticateWithoutBlocking(appKey, token));
        assertEquals(storeCalls, world.storage.calls());

        world.appKeys.authenticate(appKey, token);
        assertInstanceOf(
                Authenticated.class,
                world.appKeys.authenticateWithoutBlocking(appKey, token).orElseThrow());

        for (int i = 0; i < AppKeysSettings.defaults().throttleMaxFailures(); i++) {
            world.appKeys.authenticate(appKey, wrongToken());
        }
        assertInstanceOf(
                Throttled.class,
                world.appKeys.authenticateWithoutBlocking(appKey, wrongToken()).orElseThrow());
    }

    @Test
    void rejections_areCountedByCause_forMetrics() {
        world.appKeys.authenticate(appKey, wrongToken());
        world.appKeys.authenticate("x", "y");

        assertEquals(1L, world.appKeys.rejections().get(RejectionReason.WRONG_TOKEN));
        assertEquals(1L, world.appKeys.rejections().get(RejectionReason.MALFORMED));
        assertEquals(0L, world.appKeys.rejections().get(RejectionReason.UNKNOWN_KEY));
    }

    @Test
    void appKeyOfAnotherPrefix_isSimplyUnknown() {
        assertInstanceOf(
                Rejected.class,
                world.appKeys.authenticate(
                        new AppKeyName("otherprefix-acme-" + appKey.substring(appKey.length() - 6)).value(), token));
    }
}
