package io.appkeys.core.service.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.Change;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.TokenSlot;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.memory.InMemoryStorage;
import io.appkeys.core.port.out.ChangeFeed;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a follower does with what it reads, one round at a time (no thread): evicts what each change touches,
 * forgets everything when it fell behind, and keeps the cache trusted only while it can read the feed.
 */
class ChangeFollowerTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final TokenHash HASH = new TokenHash("$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA");

    private final MutableClock clock = new MutableClock();
    private final InMemoryStorage storage = new InMemoryStorage();
    private final CredentialCache cache = new CredentialCache(100, TTL);
    private final AtomicBoolean feedDown = new AtomicBoolean();
    private final ChangeFollower follower =
            new ChangeFollower(failing(storage.changes()), cache, clock, Duration.ofMillis(10), "test");

    private PresentedPair acmeOne;
    private PresentedPair acmeTwo;
    private PresentedPair other;

    @BeforeEach
    void firstRoundThenThreePairsVerified() {
        follower.applyNewChanges();
        acmeOne = remembered("vtexappkey-acme-AAAAAA");
        acmeTwo = remembered("vtexappkey-acme-BBBBBB");
        other = remembered("vtexappkey-other-CCCCCC");
    }

    @Test
    void whatWasCachedBeforeTheFirstRound_isForgotten() {
        ChangeFollower late = new ChangeFollower(storage.changes(), cache, clock, Duration.ofMillis(10), "late");

        late.applyNewChanges();

        assertNull(lookup(acmeOne), "cached before it knew where the feed stood");
    }

    @Test
    void aKeyChange_evictsThatKeyOnly() {
        commit(Change.of(acmeOne.appKey()));
        follower.applyNewChanges();

        assertNull(lookup(acmeOne));
        assertNotNull(lookup(acmeTwo));
        assertNotNull(lookup(other));
    }

    @Test
    void aRoleChange_evictsEveryKeyOfItsAccount_andAUserChangeNone() {
        commit(Change.of(new AccountName("acme"), UserId.random()));
        follower.applyNewChanges();
        assertNotNull(lookup(acmeOne));

        commit(Change.of(new AccountName("acme"), new RoleId(3)));
        follower.applyNewChanges();
        assertNull(lookup(acmeOne));
        assertNull(lookup(acmeTwo));
        assertNotNull(lookup(other));
    }

    @Test
    void aChangeThisProcessMade_isNotAppliedTwice() {
        commit(Change.of(acmeOne.appKey()), "test"); // evicted by this process as it committed
        PresentedPair verifiedSince = remembered(acmeOne.appKey().value());

        follower.applyNewChanges();

        assertNotNull(lookup(verifiedSince), "verified after the change: evicting it again would only cost a check");
        commit(Change.of(acmeOne.appKey()));
        follower.applyNewChanges();
        assertNull(lookup(verifiedSince), "the same change made by another process");
    }

    @Test
    void aFollowerThatFellBehindWhatTheFeedHolds_forgetsEverything() {
        for (int i = 0; i < 3; i++) {
            commit(Change.of(new AccountName("acme"), UserId.random()));
        }
        storage.changes().prune(clock.instant().plusSeconds(1)); // all but the latest

        follower.applyNewChanges();

        assertNull(lookup(acmeOne));
        assertNull(lookup(other));
    }

    @Test
    void whileTheFeedIsRead_aCachedPairStaysTrustedPastTheTtl_andOnceItCannotBe_onlyForTheTtl() {
        clock.advance(TTL.multipliedBy(3));
        follower.applyNewChanges();
        assertNotNull(lookup(acmeOne), "the feed was read: nothing changed since");

        feedDown.set(true);
        assertThrows(StoreUnavailableException.class, follower::applyNewChanges);
        clock.advance(TTL.minusSeconds(1));
        assertNotNull(lookup(acmeOne), "within the TTL of the last successful read");
        clock.advance(Duration.ofSeconds(1));
        assertNull(lookup(acmeOne), "past the TTL of the last successful read");

        feedDown.set(false);
        follower.applyNewChanges();
        assertNotNull(lookup(acmeOne), "the feed is read again, and nothing changed meanwhile");
    }

    @Test
    void aFollower_saysHowFarItApplied_andLeavesWhenClosed() {
        commit(Change.of(new AccountName("acme"), UserId.random()));
        follower.applyNewChanges();
        commit(Change.of(new AccountName("acme"), UserId.random()));
        follower.applyNewChanges();

        assertEquals(
                OptionalLong.of(storage.changes().latest()),
                storage.changes().appliedByAll(clock.instant().minusSeconds(1), "nobody"));
        follower.close();
        assertEquals(
                OptionalLong.empty(),
                storage.changes().appliedByAll(clock.instant().minusSeconds(1), "nobody"));
    }

    private void commit(Change change) {
        commit(change, "another-process");
    }

    private void commit(Change change, String origin) {
        storage.transactions().run(() -> storage.changes().append(change, clock.instant(), origin));
    }

    private KeyPrincipal lookup(PresentedPair pair) {
        CredentialCache.Verified verified = cache.lookup(pair, clock.millis());
        return verified == null ? null : verified.principal();
    }

    /** A pair verified now, and remembered by the cache. */
    private PresentedPair remembered(String appKey) {
        AppToken token = AppToken.fromBody("Q".repeat(121));
        PresentedPair pair = new PresentedPair(
                new AppKeyName(appKey), token, cache.digest(token), "", Optional.empty(), clock.millis(), new Tally());
        KeyPrincipal principal =
                new KeyPrincipal(AppKeyId.random(), pair.appKey().account(), pair.appKey(), Set.of());
        cache.put(
                cache.stamp(),
                pair,
                principal,
                AllowedNetworks.ANYWHERE,
                TokenSlot.CURRENT,
                HASH,
                clock.instant(),
                clock.millis(),
                Long.MAX_VALUE);
        return pair;
    }

    /** The feed, unreadable while {@link #feedDown} is set, as when the store is down. */
    private ChangeFeed failing(ChangeFeed feed) {
        return (ChangeFeed) Proxy.newProxyInstance(
                ChangeFeed.class.getClassLoader(), new Class<?>[] {ChangeFeed.class}, (self, method, args) -> {
                    if (feedDown.get()) {
                        throw new StoreUnavailableException("the store is down", null);
                    }
                    try {
                        return method.invoke(feed, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
