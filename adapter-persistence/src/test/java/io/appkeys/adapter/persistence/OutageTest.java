package io.appkeys.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md section 3, rule 7: with the database cut, store calls fail with core's exception and a clear
 * message; once it is back they work again, without reopening the store.
 */
class OutageTest {

    @TempDir
    Path directory;

    private static Account account(String name) {
        return new Account(UUID.randomUUID(), new AccountName(name), UserId.random(), new Email("o@" + name + ".com"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void h2_closedDatabase_failsClearly_andRecovers() throws Exception {
        Path file = directory.resolve("cut");
        String url = "jdbc:h2:file:" + file + ";IFEXISTS=TRUE";
        try (Storage bootstrap = Databases.open(DatabaseSettings.of("jdbc:h2:file:" + file))) {
            bootstrap.accounts().insert(account("before"));
        }
        try (Storage storage = Databases.open(DatabaseSettings.of(url))) {
            assertTrue(storage.accounts().find(new AccountName("before")).isPresent());

            TestDatabases.execute(Databases.withH2Defaults(DatabaseSettings.of(url)).url(), "SHUTDOWN");
            Path away = directory.resolve("away.mv.db");
            Files.move(directory.resolve("cut.mv.db"), away);

            StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                    () -> storage.accounts().find(new AccountName("before")));
            assertTrue(error.getMessage().startsWith("the database at jdbc:h2:file:"), error.getMessage());
            assertThrows(StoreUnavailableException.class, () -> storage.accounts().insert(account("during")));

            Files.move(away, directory.resolve("cut.mv.db"));

            assertTrue(storage.accounts().find(new AccountName("before")).isPresent());
            storage.accounts().insert(account("after"));
            assertFalse(storage.accounts().find(new AccountName("during")).isPresent());
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
    void postgres_terminatedAndRefusedConnections_failClearly_andRecover() {
        String admin = TestDatabases.postgresUrl().orElseThrow();
        String database = "appkeys_cut_" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        TestDatabases.execute(admin, "CREATE DATABASE " + database);
        String url = admin.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try (Storage storage = Databases.open(DatabaseSettings.of(url))) {
            storage.accounts().insert(account("before"));

            cut(admin, database);
            StoreUnavailableException error = assertThrows(StoreUnavailableException.class,
                    () -> storage.accounts().find(new AccountName("before")));
            assertTrue(error.getMessage().startsWith("the database at jdbc:postgresql:"), error.getMessage());
            assertThrows(StoreUnavailableException.class, () -> storage.transactions().run(() -> {
                storage.accounts().insert(account("during"));
                storage.accounts().insert(account("during2"));
            }));

            TestDatabases.execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");

            assertEquals(Optional.of("before"),
                    storage.accounts().find(new AccountName("before")).map(a -> a.name().value()));
            storage.accounts().insert(account("after"));
            assertFalse(storage.accounts().find(new AccountName("during")).isPresent());
        } finally {
            TestDatabases.execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            TestDatabases.execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void cut(String admin, String database) {
        TestDatabases.execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        TestDatabases.execute(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database + "' AND pid <> pg_backend_pid()");
    }
}
