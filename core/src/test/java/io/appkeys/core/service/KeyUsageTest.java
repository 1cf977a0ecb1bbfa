package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.KeyUsage;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.memory.InMemoryStorage;
import io.appkeys.core.port.in.GetKeyUsageUseCase;
import io.appkeys.core.port.out.AppKeyStore;
import io.appkeys.core.port.out.Storage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each key's successful authentications per hour: counted off the request path, written in batches, kept N days. */
class KeyUsageTest {

    private final World world = new World();
    private final GetKeyUsageUseCase usage = world.appKeys.use(GetKeyUsageUseCase.class);
    private final CreatedAppKey key = world.newKey("counted");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void usesAreCountedPerHour_withTheirDayAndWeekTotals() {
        Instant start = MutableClock.START; // 10:00 UTC
        authenticate(3);
        world.clock.advance(Duration.ofMinutes(59).plusSeconds(59).plusMillis(999)); // 10:59:59.999
        authenticate(1);
        world.clock.advance(Duration.ofMillis(1)); // 11:00, the next hour
        authenticate(2);
        world.appKeys.appKeys().flushUsage();

        KeyUsage read = usage.keyUsage(world.master, World.ref(key), 24);
        assertEquals(
                List.of(new KeyUsage.Hour(start, 4), new KeyUsage.Hour(start.plus(Duration.ofHours(1)), 2)),
                read.hours());
        assertEquals(6, read.last24Hours());
        assertEquals(6, read.last7Days());

        world.clock.advance(Duration.ofHours(23)); // 10:00 the next day: the first hour is out of the last 24
        authenticate(1);
        world.appKeys.appKeys().flushUsage();
        KeyUsage nextDay = usage.keyUsage(world.master, World.ref(key), 1);
        assertEquals(List.of(new KeyUsage.Hour(start.plus(Duration.ofHours(24)), 1)), nextDay.hours());
        assertEquals(3, nextDay.last24Hours());
        assertEquals(7, nextDay.last7Days());

        world.clock.advance(Duration.ofDays(6)); // a week after the first uses' hour ended
        assertEquals(3, usage.keyUsage(world.master, World.ref(key), 1).last7Days());
    }

    @Test
    void concurrentUses_areAllCounted_whileFlushesRunBetweenThem() throws Exception {
        int threads = 8;
        int each = 500;
        authenticate(1); // verified once; the rest are answered from the cache, as on a busy server
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                callers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        assertInstanceOf(Authenticated.class, world.authenticate(key));
                    }
                    return null;
                }));
            }
            Future<?> flusher = pool.submit(() -> {
                go.await();
                for (int i = 0; i < 10_000 && !done.get(); i++) {
                    world.appKeys.appKeys().flushUsage();
                }
                return null;
            });
            go.countDown();
            for (Future<?> caller : callers) {
                caller.get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            flusher.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        world.appKeys.appKeys().flushUsage();

        assertEquals(
                1 + threads * each,
                usage.keyUsage(world.master, World.ref(key), 1).last24Hours());
    }

    @Test
    void reading_needsViewingRights_andABoundedNumberOfHours() {
        Caller noRights = world.callerOf(world.newKey("no roles"));

        assertThrows(ForbiddenException.class, () -> usage.keyUsage(noRights, World.ref(key), 24));
        assertThrows(InvalidInputException.class, () -> usage.keyUsage(world.master, World.ref(key), 0));
        assertThrows(
                InvalidInputException.class,
                () -> usage.keyUsage(world.master, World.ref(key), GetKeyUsageUseCase.MAX_HOURS + 1));
        assertEquals(
                List.of(),
                usage.keyUsage(world.master, World.ref(key), GetKeyUsageUseCase.MAX_HOURS)
                        .hours());
    }

    @Test
    void countsOlderThanTheRetention_areForgottenByTheTimersWork() {
        authenticate(2);
        world.appKeys.appKeys().flushUsage();
        world.clock.advance(AppKeysSettings.defaults().usageRetention().plus(Duration.ofHours(2)));

        world.appKeys.appKeys().flushUsage();

        assertEquals(
                List.of(),
                usage.keyUsage(world.master, World.ref(key), GetKeyUsageUseCase.MAX_HOURS)
                        .hours());
    }

    @Test
    void usesNotWrittenWhileTheStoreIsDown_areWrittenByTheNextFlush() {
        AtomicBoolean down = new AtomicBoolean();
        try (World flaky = new World(AppKeysSettings.defaults(), failingUseWrites(new InMemoryStorage(), down))) {
            CreatedAppKey used = flaky.newKey("used while the store is down");
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(Authenticated.class, flaky.authenticate(used));
            }

            down.set(true);
            assertEquals(0, flaky.appKeys.appKeys().flushUsage(), "nothing written");
            down.set(false);
            flaky.appKeys.appKeys().flushUsage();

            GetKeyUsageUseCase reading = flaky.appKeys.use(GetKeyUsageUseCase.class);
            assertEquals(3, reading.keyUsage(flaky.master, World.ref(used), 1).last24Hours());
            assertTrue(flaky.appKeys
                    .getAppKey(flaky.master, World.ref(used))
                    .key()
                    .lastUsedIn()
                    .isPresent());
        }
    }

    /** The storage, whose writes of key uses fail while {@code down} is set, as with a database that is away. */
    private static Storage failingUseWrites(Storage storage, AtomicBoolean down) {
        AppKeyStore keys = storage.keys();
        AppKeyStore failing = (AppKeyStore) Proxy.newProxyInstance(
                AppKeyStore.class.getClassLoader(), new Class<?>[] {AppKeyStore.class}, (self, method, args) -> {
                    if (down.get() && Set.of("addUses", "recordUse").contains(method.getName())) {
                        throw new StoreUnavailableException("the store is away", new SQLException("away"));
                    }
                    try {
                        return method.invoke(keys, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (Storage) Proxy.newProxyInstance(
                Storage.class.getClassLoader(), new Class<?>[] {Storage.class}, (self, method, args) -> {
                    if (method.getName().equals("keys")) {
                        return failing;
                    }
                    try {
                        return method.invoke(storage, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void authenticate(int times) {
        for (int i = 0; i < times; i++) {
            assertInstanceOf(Authenticated.class, world.authenticate(key));
        }
    }
}
