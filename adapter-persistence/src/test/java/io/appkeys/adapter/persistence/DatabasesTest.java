package io.appkeys.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasesTest {

    @TempDir
    Path home;

    private static Account account(String name) {
        return new Account(
                UUID.randomUUID(),
                new AccountName(name),
                UserId.random(),
                new Email("o@" + name + ".com"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void thePool_tellsWhatItLendsAndHolds_forMetrics() {
        DatabaseSettings settings = TestDatabases.freshH2(home);
        try (Storage storage = Databases.open(settings)) {
            PoolStatistics idle = Databases.poolStatistics(storage).orElseThrow();
            assertEquals(0, idle.active());
            assertEquals(settings.maxPoolSize(), idle.max());
            PoolStatistics lending = storage.transactions()
                    .inTransaction(() -> Databases.poolStatistics(storage).orElseThrow());
            assertEquals(1, lending.active());
            assertEquals(0, lending.waiting());
        }
        assertEquals(Optional.empty(), Databases.poolStatistics(new io.appkeys.core.memory.InMemoryStorage()));
    }

    @Test
    void theEmbeddedStore_isCreatedOnFirstUse_inADirectoryOnlyItsOwnerCanRead() throws Exception {
        Path appkeysHome = home.resolve("nested").resolve(".appkeys");

        try (Storage storage = Databases.open(DatabaseSettings.embedded(appkeysHome))) {
            storage.accounts().insert(account("acme"));
        }

        assertTrue(Files.exists(appkeysHome.resolve("appkeys.mv.db")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(appkeysHome)));
        try (Storage again = Databases.open(DatabaseSettings.embedded(appkeysHome))) {
            assertTrue(again.accounts().find(new AccountName("acme")).isPresent());
        }
    }

    @Test
    void twoProcesses_useTheEmbeddedStoreAtTheSameTime() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(home);
        try (Storage storage = Databases.open(settings)) {
            storage.accounts().insert(account("acme"));

            Process other = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            EmbeddedWriter.class.getName(),
                            settings.url(),
                            "globex")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(other.getInputStream().readAllBytes());
            assertTrue(other.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, other.exitValue(), output);

            assertTrue(storage.accounts().find(new AccountName("globex")).isPresent());
            assertEquals(
                    Optional.of("acme"),
                    storage.accounts().list().stream()
                            .map(a -> a.name().value())
                            .filter("acme"::equals)
                            .findFirst());
        }
    }

    @Test
    void auditRows_canNeverBeChangedOrDeleted() throws SQLException {
        DatabaseSettings settings = TestDatabases.freshH2(home);
        try (Storage storage = Databases.open(settings)) {
            Account acme = account("acme");
            storage.accounts().insert(acme);
            storage.audit()
                    .append(new io.appkeys.core.domain.AuditEvent(
                            acme.name(),
                            acme.createdIn(),
                            "operator",
                            io.appkeys.core.domain.AuditAction.ACCOUNT_CREATED,
                            "account:acme",
                            "test"));
        }
        assertAppendOnly(settings);
    }

    @Test
    void auditRows_canNeverBeChangedOrDeleted_onPostgres() throws SQLException {
        Optional<DatabaseSettings> postgres = TestDatabases.freshPostgres();
        if (postgres.isEmpty()) {
            return;
        }
        try (Storage storage = Databases.open(postgres.get())) {
            Account acme = account("acme");
            storage.accounts().insert(acme);
            storage.audit()
                    .append(new io.appkeys.core.domain.AuditEvent(
                            acme.name(),
                            acme.createdIn(),
                            "operator",
                            io.appkeys.core.domain.AuditAction.ACCOUNT_CREATED,
                            "account:acme",
                            "test"));
            assertAppendOnly(postgres.get());
        } finally {
            TestDatabases.dropPostgres(postgres.get());
        }
    }

    private static void assertAppendOnly(DatabaseSettings store) throws SQLException {
        try (Connection connection = TestDatabases.connect(store);
                Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE audit_events SET actor = 'x'"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM audit_events"));
            try (var rows = statement.executeQuery("SELECT COUNT(*) FROM audit_events WHERE actor = 'operator'")) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
    }

    @Test
    void theNewestSchemaVersion_isTheNewestMigrationFile() throws Exception {
        int newest = 0;
        for (String vendor : new String[] {"common", "h2", "postgresql"}) {
            try (var files = Files.list(Path.of("src", "main", "resources", "db", "migration", vendor))) {
                for (Path file : files.toList()) {
                    java.util.regex.Matcher version = java.util.regex.Pattern.compile("V(\\d+)__.*\\.sql")
                            .matcher(file.getFileName().toString());
                    assertTrue(version.matches(), "unexpected migration file " + file);
                    newest = Math.max(newest, Integer.parseInt(version.group(1)));
                }
            }
        }

        assertEquals(newest, Databases.SCHEMA_VERSION);
    }

    @Test
    void anUpToDateStore_opensWithoutMigrating_andAnOldOneIsMigrated() throws Exception {
        DatabaseSettings settings = TestDatabases.freshH2(home);
        try (Storage first = Databases.open(settings)) {
            first.accounts().insert(account("acme"));
        }
        // back to what an earlier release left: the newest migrations not yet run
        TestDatabases.execute(settings, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('6', '7', '8')");
        TestDatabases.execute(settings, "DROP TABLE key_usage");
        TestDatabases.execute(settings, "ALTER TABLE app_keys DROP COLUMN allowed_networks");
        TestDatabases.execute(settings, "ALTER TABLE app_keys DROP COLUMN metadata");
        TestDatabases.execute(settings, "DROP TABLE account_settings");
        for (String column : new String[] {"token_last_used_in", "new_token_last_used_in", "auto_finish_in"}) {
            TestDatabases.execute(settings, "ALTER TABLE app_keys DROP COLUMN " + column);
        }

        try (Storage second = Databases.open(settings)) {
            assertTrue(second.accounts().find(new AccountName("acme")).isPresent());
            AccountSettings sixMonths = AccountSettings.DEFAULTS.withRenewEveryMonths(6);
            assertTrue(second.accounts().saveSettings(new AccountName("acme"), sixMonths));
            assertEquals(sixMonths, second.accounts().settings(new AccountName("acme")), "the account got its row");
            assertEquals(
                    List.of(),
                    second.keys().uses(io.appkeys.core.domain.AppKeyId.random(), Instant.EPOCH),
                    "the usage table is back");
        }

        try (Connection connection = TestDatabases.connect(settings);
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IN ('6', '7', '8') AND \"success\" = TRUE")) {
            rows.next();
            assertEquals(3, rows.getInt(1), "the missing migrations ran again");
        }
    }

    @Test
    void anUnreachableDatabase_failsToOpen_withAClearMessage_andNoPassword() {
        DatabaseSettings nowhere = DatabaseSettings.of("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1")
                .withCredentials("someone", "hunter2");

        StoreUnavailableException error = assertThrows(StoreUnavailableException.class, () -> Databases.open(nowhere));

        assertTrue(
                error.getMessage().startsWith("cannot open the store at jdbc:postgresql://127.0.0.1:1/none"),
                error.getMessage());
        assertFalse(error.getMessage().contains("hunter2"));
    }
}
