package io.appkeys.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.port.out.Storage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store that {@link DatabaseSettings} names: makes an embedded file private to its owner (see
 * {@link H2File}), migrates the schema, and returns core's {@link Storage} over a connection pool. Nothing
 * outside this package sees JDBI.
 */
public final class Databases {

    private static final Logger LOG = LoggerFactory.getLogger(Databases.class);

    /** How long a call waits for a connection before it reports the store unavailable. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    /** An embedded file opens on the caller's own CPU, which a busy machine can make slow the first time. */
    private static final long EMBEDDED_CONNECTION_TIMEOUT_MILLIS = 10_000;

    /** How long the pool waits for a connection to prove itself alive; at most the connection timeout. */
    private static final long VALIDATION_TIMEOUT_MILLIS = 1_000;

    /** The newest migration's version; a test keeps it equal to the files in db/migration. */
    static final int SCHEMA_VERSION = 8;

    private Databases() {}

    /**
     * Opens the store, logging what an operator should know about it as warnings.
     *
     * @throws StoreUnavailableException when the database cannot be reached or migrated; the message says why
     */
    public static Storage open(DatabaseSettings settings) {
        return open(settings, LOG::warn);
    }

    /**
     * Opens the store; {@code warnings} receives, one line each, what the operator should know (a store
     * directory that others could read, and has been repaired).
     *
     * @throws StoreUnavailableException when the database cannot be reached or migrated; the message says why
     */
    public static Storage open(DatabaseSettings settings, Consumer<String> warnings) {
        Optional<H2File> file = H2File.of(settings);
        DatabaseSettings effective = effective(settings, file, warnings);
        boolean filesWereWider = file.map(H2File::anyFileReadableByOthers).orElse(false);
        HikariDataSource pool = pool(effective);
        try {
            if (!isCurrent(pool, effective)) {
                Flyway.configure()
                        .dataSource(pool)
                        .locations(
                                "classpath:db/migration/common",
                                "classpath:db/migration/" + (effective.isPostgres() ? "postgresql" : "h2"))
                        .load()
                        .migrate();
            }
            file.ifPresent(h2 -> h2.restrictFiles(filesWereWider, warnings));
        } catch (FlywayException | IllegalStateException | StoreUnavailableException e) {
            pool.close();
            if (e instanceof StoreUnavailableException unavailable) {
                throw unavailable;
            }
            throw new StoreUnavailableException(
                    "cannot open the store at " + effective.redactedUrl() + ": " + effective.redact(rootMessage(e)), e);
        }
        return storage(pool, effective, file.isPresent() && !setsWriteDelay(settings));
    }

    /**
     * Whether opening the store would create it: an H2 file that does not exist yet. A program that opens the store
     * before it knows it will be used (the CLI, beside its parsing) asks this first, so that a mistyped command line
     * leaves no store behind; any other store is only connected to.
     */
    public static boolean wouldCreate(DatabaseSettings settings) {
        return H2File.of(settings).map(file -> !file.exists()).orElse(false);
    }

    /** What the pool connects with: H2 in PostgreSQL's dialect, and an embedded file with its password. */
    private static DatabaseSettings effective(
            DatabaseSettings settings, Optional<H2File> file, Consumer<String> warnings) {
        DatabaseSettings effective = withH2Defaults(settings);
        if (file.isEmpty()) {
            return effective;
        }
        H2File.requireLoopbackServer(effective);
        file.get().prepareDirectory(warnings);
        return hasCredentials(effective) ? effective : file.get().withPassword(effective);
    }

    /**
     * Whether the URL chooses H2's write delay itself: then H2's own behaviour is what the operator asked for,
     * commits are not forced to disk, and a crash may lose the last ones confirmed.
     */
    private static boolean setsWriteDelay(DatabaseSettings settings) {
        return settings.url().toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=");
    }

    /** A single connection to the store, for tests that need to act on the database behind the adapter. */
    static Connection connect(DatabaseSettings settings) throws SQLException {
        DatabaseSettings effective = effective(settings, H2File.of(settings), warning -> {});
        return DriverManager.getConnection(
                effective.url(),
                effective.user().orElse(null),
                effective.password().orElse(null));
    }

    private static boolean hasCredentials(DatabaseSettings settings) {
        String url = settings.url().toUpperCase(Locale.ROOT);
        return settings.user().isPresent()
                || settings.password().isPresent()
                || url.contains(";USER=")
                || url.contains(";PASSWORD=");
    }

    /** The connection pool of a storage {@link #open} gave, now; empty for any other storage. */
    public static Optional<PoolStatistics> poolStatistics(Storage storage) {
        return storage instanceof JdbiStorage jdbi ? Optional.of(jdbi.poolStatistics()) : Optional.empty();
    }

    /**
     * @param syncCommits whether each committed transaction is also forced to disk before it returns: H2
     *                    writes a commit to the operating system at once ({@code WRITE_DELAY=0}) but does not
     *                    sync it, which a crash of the machine (not only of the process) could undo
     */
    private static Storage storage(HikariDataSource pool, DatabaseSettings settings, boolean syncCommits) {
        Db db = new Db(
                Jdbi.create(pool),
                settings,
                () -> {
                    if (pool.getHikariPoolMXBean() != null) {
                        pool.getHikariPoolMXBean().softEvictConnections();
                    }
                },
                syncCommits);
        return new JdbiStorage(
                pool, db, settings.isPostgres() ? Optional.of(new PostgresNotifications(settings)) : Optional.empty());
    }

    /**
     * Whether the schema is already at the newest version, read from Flyway's history in one query. Saves
     * starting Flyway (a few hundred milliseconds) on every open of an up-to-date store, which a CLI command
     * pays each time. Anything unexpected in the history, including none yet, means "let Flyway decide"; no
     * connection at all means the store is unavailable, said at once rather than after Flyway tries again.
     */
    private static boolean isCurrent(DataSource pool, DatabaseSettings settings) {
        try (Connection connection = pool.getConnection()) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                            + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
                int newest = 0;
                while (rows.next()) {
                    newest = Math.max(newest, Integer.parseInt(rows.getString(1)));
                }
                return newest == SCHEMA_VERSION;
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    "cannot open the store at " + settings.redactedUrl() + ": " + settings.redact(rootMessage(e)), e);
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        long timeout = settings.connectionTimeout()
                .map(Duration::toMillis)
                .orElse(settings.isPostgres() ? CONNECTION_TIMEOUT_MILLIS : EMBEDDED_CONNECTION_TIMEOUT_MILLIS);
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.min(VALIDATION_TIMEOUT_MILLIS, timeout));
        config.setInitializationFailTimeout(-1);
        config.setPoolName("appkeys");
        return new HikariDataSource(config);
    }

    /**
     * H2 speaks PostgreSQL's dialect here, so one migration set and one set of statements serve both. It writes
     * each commit before the commit returns ({@code WRITE_DELAY=0}; by default it waits up to half a second,
     * and a process killed meanwhile loses changes it had confirmed), and keeps no trace file (which could
     * hold statements, and would be created with the process's default permissions). A URL that sets any of
     * these itself keeps its own.
     */
    static DatabaseSettings withH2Defaults(DatabaseSettings settings) {
        String url = settings.url();
        if (!url.startsWith("jdbc:h2:")) {
            return settings;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder defaults = new StringBuilder(url);
        if (!upper.contains(";MODE=")) {
            defaults.append(";MODE=PostgreSQL");
        }
        if (!upper.contains(";WRITE_DELAY=")) {
            defaults.append(";WRITE_DELAY=0");
        }
        if (!upper.contains(";TRACE_LEVEL_FILE=")) {
            defaults.append(";TRACE_LEVEL_FILE=0");
        }
        return settings.withUrl(defaults.toString());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
