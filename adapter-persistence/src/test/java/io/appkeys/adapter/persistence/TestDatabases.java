package io.appkeys.adapter.persistence;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Fresh, isolated databases for test suites: an H2 file of its own, or (when {@code APPKEYS_TEST_PG_URL} is
 * set) a new schema in that PostgreSQL database, to be dropped after the suite.
 */
public final class TestDatabases {

    public static final String PG_URL_VARIABLE = "APPKEYS_TEST_PG_URL";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {}

    /** The PostgreSQL URL the environment names, if any. */
    public static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv(PG_URL_VARIABLE)).filter(url -> !url.isBlank());
    }

    /** A new empty schema in the test PostgreSQL database, or empty when none is configured. */
    public static Optional<DatabaseSettings> freshPostgres() {
        return postgresUrl().map(url -> {
            String schema = "appkeys_test_" + Long.toUnsignedString(RANDOM.nextLong(), 36);
            execute(url, "CREATE SCHEMA " + schema);
            return DatabaseSettings.of(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        });
    }

    /** Drops the schema that {@link #freshPostgres()} made. */
    public static void dropPostgres(DatabaseSettings settings) {
        String url = settings.url();
        int at = url.lastIndexOf("currentSchema=");
        String schema = url.substring(at + "currentSchema=".length());
        String base = url.substring(0, at - 1);
        execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** A new H2 file database in {@code directory}. */
    public static DatabaseSettings freshH2(Path directory) {
        String name = "appkeys-" + Long.toUnsignedString(RANDOM.nextLong(), 36);
        return DatabaseSettings.of("jdbc:h2:file:"
                + directory.toAbsolutePath().resolve(name).toString().replace('\\', '/'));
    }

    /** Runs one statement on its own connection to a database server, such as creating a database. */
    public static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url)) {
            execute(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the test database: " + e.getMessage(), e);
        }
    }

    /** Moves a key's current token back in time, as if it had been issued {@code days} ago (to the second). */
    public static void issueTokenAgo(DatabaseSettings store, String keyId, int days) {
        String at = Instant.now()
                .minus(Duration.ofDays(days))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        execute(
                store,
                "UPDATE app_keys SET token_created_in = TIMESTAMP WITH TIME ZONE '"
                        + at.replace('T', ' ').replace("Z", "+00:00") + "' WHERE id = '" + UUID.fromString(keyId)
                        + "'");
    }

    /** Runs one statement on its own connection to a store, with the credentials the store requires. */
    public static void execute(DatabaseSettings store, String sql) {
        try (Connection connection = connect(store)) {
            execute(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the test database: " + e.getMessage(), e);
        }
    }

    /** A connection to a store behind the adapter, as the adapter makes one: for tests that look underneath. */
    public static Connection connect(DatabaseSettings store) throws SQLException {
        return Databases.connect(store);
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on the test database: " + e.getMessage(), e);
        }
    }
}
