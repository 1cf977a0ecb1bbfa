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
import java.util.Locale;
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
        Db db = new Db(Jdbi.create(pool), effective.redactedUrl(), () -> {
            if (pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        });
        return new JdbiStorage(pool, db);
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
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
