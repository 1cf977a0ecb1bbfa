package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.fixtures.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many callers at once: every invariant holds when they are done. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 6;

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void creatingAndRenewingAtOnce_keepsEveryInvariant() throws Exception {
        List<CreatedAppKey> shared = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shared.add(world.newKey("shared " + i));
        }
        List<CreatedAppKey> created = Collections.synchronizedList(new ArrayList<>());
        Map<AppKey, RenewedToken> renewals = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                    created.add(world.appKeys.createAppKey(world.master, new Label("t" + thread + " r" + round)));
                    CreatedAppKey target = shared.get((thread + round) % shared.size());
                    try {
                        renewals.put(
                                target.key(),
                                world.appKeys.renewAppToken(
                                        world.master, KeyRef.of(target.key().id())));
                    } catch (ConflictException e) {
                        conflicts.incrementAndGet();
                    }
                    assertInstanceOf(Authenticated.class, world.authenticate(target));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : work) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(THREADS * ROUNDS, created.size());
        long distinctNames =
                created.stream().map(c -> c.key().appKey()).distinct().count();
        assertEquals(THREADS * ROUNDS, distinctNames);
        assertEquals(shared.size(), renewals.size(), "each shared key renewed exactly once");
        assertEquals(THREADS * ROUNDS - shared.size(), conflicts.get());
        for (CreatedAppKey key : shared) {
            KeyCredentials credentials =
                    world.storage.keys().credentials(key.key().id()).orElseThrow();
            assertTrue(credentials.pending().isPresent());
            assertInstanceOf(Authenticated.class, world.authenticate(key));
            RenewedToken renewed = renewals.get(key.key());
            assertInstanceOf(
                    Authenticated.class,
                    world.appKeys.authenticate(
                            key.key().appKey().value(), renewed.newToken().reveal()));
        }
        for (CreatedAppKey key : created) {
            assertInstanceOf(Authenticated.class, world.authenticate(key));
        }
        List<AuditAction> actions = world.appKeys.readAuditLog(world.master, PageRequest.first(1000)).items().stream()
                .map(entry -> entry.event().action())
                .toList();
        assertEquals(
                shared.size() + THREADS * ROUNDS,
                actions.stream().filter(a -> a == AuditAction.KEY_CREATED).count());
        assertEquals(
                shared.size(),
                actions.stream().filter(a -> a == AuditAction.TOKEN_RENEWED).count());
        assertEquals(shared.size() + THREADS * ROUNDS, world.storage.keys().count(world.acme.name()));
    }
}
