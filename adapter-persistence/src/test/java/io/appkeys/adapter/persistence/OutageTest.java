package io.appkeys.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the database cut, store calls fail with core's exception and a clear message, and nothing is half
 * written; once it is back they work again, without reopening the store.
 */
class OutageTest {

    @TempDir
    Path directory;

    private static Account account(String name) {
        return new Account(
                UUID.randomUUID(),
                new AccountName(name),
                UserId.random(),
                new Email("o@" + name + ".com"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void h2_closedDatabase_failsClearly_andRecovers() {
        try (CuttableDatabase database = CuttableDatabase.h2(directory)) {
            cutAndRestore(database, "the database at jdbc:h2:file:");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
    void postgres_terminatedAndRefusedConnections_failClearly_andRecover() {
        try (CuttableDatabase database = CuttableDatabase.postgres()) {
            cutAndRestore(database, "the database at jdbc:postgresql:");
        }
    }

    private static void cutAndRestore(CuttableDatabase database, String messageStart) {
        // each call during the cut waits out the connection timeout before it fails
        try (Storage storage = Databases.open(database.settings().withConnectionTimeout(Duration.ofSeconds(1)))) {
            storage.accounts().insert(account("before"));

            database.cut();
            StoreUnavailableException error = assertThrows(
                    StoreUnavailableException.class, () -> storage.accounts().find(new AccountName("before")));
            assertTrue(error.getMessage().startsWith(messageStart), error.getMessage());
            assertThrows(
                    StoreUnavailableException.class,
                    () -> storage.transactions().run(() -> {
                        storage.accounts().insert(account("during"));
                        storage.accounts().insert(account("during2"));
                    }));

            database.restore();
            assertTrue(storage.accounts().find(new AccountName("before")).isPresent());
            storage.accounts().insert(account("after"));
            assertFalse(storage.accounts().find(new AccountName("during")).isPresent());
            assertFalse(storage.accounts().find(new AccountName("during2")).isPresent());
        }
    }
}
