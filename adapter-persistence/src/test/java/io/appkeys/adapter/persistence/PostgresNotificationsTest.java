package io.appkeys.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Change;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.Storage;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * On PostgreSQL a follower is woken by the commit of a change, not by its safety poll; and only by a commit.
 * When {@code APPKEYS_TEST_PG_URL} names a server.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class PostgresNotificationsTest {

    private static final String ORIGIN = "test";

    private DatabaseSettings store;
    private Storage storage;
    private PostgresNotifications listener;

    @BeforeEach
    void listen() {
        store = TestDatabases.freshPostgres().orElseThrow();
        storage = Databases.open(store);
        listener = new PostgresNotifications(store);
        assertFalse(listener.await(), "the first wait only starts listening");
    }

    @AfterEach
    void stop() {
        listener.close();
        storage.close();
        TestDatabases.dropPostgres(store);
    }

    @Test
    void aCommittedChange_wakesTheListener() throws Exception {
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(listener::await);

        storage.transactions().run(() -> storage.changes().append(change(), Instant.now(), ORIGIN));

        assertTrue(woken.get(30, TimeUnit.SECONDS), "woken by the safety poll, not by the commit");
    }

    @Test
    void aRolledBackChange_wakesNoOne() throws Exception {
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(listener::await);

        assertThrows(
                IllegalStateException.class,
                () -> storage.transactions().run(() -> {
                    storage.changes().append(change(), Instant.now(), ORIGIN);
                    throw new IllegalStateException("rolled back");
                }));

        assertFalse(woken.get(30, TimeUnit.SECONDS), "a change that was rolled back woke the listener");
    }

    private static Change change() {
        return Change.of(new AccountName("acme"), UserId.random());
    }
}
