package io.appkeys.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.port.out.Storage;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens the store that {@link DatabaseSettings} names: creates the embedded file (in a directory only its
 * owner can read) when it is new, migrates the schema, and returns core's {@link Storage} over a connection
 * pool. Nothing outside this package sees JDBI.
 */
public final class Databases {

    /** How long a call waits for a connection before it reports the store unavailable. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    /** An embedded file opens on the caller's own CPU, which a busy machine can make slow the first time. */
    private static final long EMBEDDED_CONNECTION_TIMEOUT_MILLIS = 10_000;

    /** The newest migration's version; a test keeps it equal to the files in db/migration. */
    static final int SCHEMA_VERSION = 2;

    private Databases() {
    }

    /**
     * @throws StoreUnavailableException when the database cannot be reached or migrated; the message says why
     */
    public static Storage open(DatabaseSettings settings) {
        DatabaseSettings effective = withH2Defaults(settings);
        prepareEmbeddedDirectory(effective);
        HikariDataSource pool = pool(effective);
        try {
            if (isCurrent(pool)) {
                return storage(pool, effective);
            }
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/common",
                            "classpath:db/migration/" + (effective.isPostgres() ? "postgresql" : "h2"))
                    .load()
                    .migrate();
        } catch (FlywayException | IllegalStateException e) {
            pool.close();
            throw new StoreUnavailableException("cannot open the store at " + effective.redactedUrl() + ": "
                    + rootMessage(e), e);
        }
        return storage(pool, effective);
    }

    private static Storage storage(HikariDataSource pool, DatabaseSettings settings) {
        Db db = new Db(Jdbi.create(pool), settings.redactedUrl(), () -> {
            if (pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        });
        return new JdbiStorage(pool, db);
    }

    /**
     * Whether the schema is already at the newest version, read from Flyway's history in one query. Saves
     * starting Flyway (a few hundred milliseconds) on every open of an up-to-date store, which a CLI command
     * pays each time. Anything unexpected, including no history yet, means "let Flyway decide".
     */
    private static boolean isCurrent(DataSource pool) {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
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
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(settings.isPostgres() ? CONNECTION_TIMEOUT_MILLIS
                : EMBEDDED_CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        config.setPoolName("appkeys");
        return new HikariDataSource(config);
    }

    /** H2 speaks PostgreSQL's dialect here, so one migration set and one set of statements serve both. */
    static DatabaseSettings withH2Defaults(DatabaseSettings settings) {
        String url = settings.url();
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains(";MODE=")) {
            return settings;
        }
        return new DatabaseSettings(url + ";MODE=PostgreSQL", settings.user(), settings.password(),
                settings.maxPoolSize());
    }

    /** Creates the directory of an embedded file database, readable by its owner only. */
    private static void prepareEmbeddedDirectory(DatabaseSettings settings) {
        String prefix = "jdbc:h2:file:";
        if (!settings.url().startsWith(prefix)) {
            return;
        }
        String file = settings.url().substring(prefix.length()).split(";", 2)[0];
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        Path directory = Path.of(file).toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create the store directory " + directory + ": "
                    + e.getMessage(), e);
        }
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
