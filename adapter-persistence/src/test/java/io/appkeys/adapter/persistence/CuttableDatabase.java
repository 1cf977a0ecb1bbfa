package io.appkeys.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A fresh database of a test's own that the test can cut off and bring back, to show how a store behaves
 * during an outage and that it recovers by itself. Used by this module's outage test and the server's.
 */
public interface CuttableDatabase extends AutoCloseable {

    DatabaseSettings settings();

    /** Makes the database unreachable: open connections die and new ones are refused. */
    void cut();

    /** Makes it reachable again. */
    void restore();

    /** Restores it if cut, and removes it. */
    @Override
    void close();

    /**
     * An H2 file in {@code directory}. Cutting moves its file away, then shuts the database down, so reconnecting
     * fails ({@code IFEXISTS=TRUE}) until the file is back. In that order: a process that reconnects all the time
     * (a change follower does, every poll interval) could otherwise reopen the database between the shutdown
     * and the move, and a new file would stand in the way of the restore.
     */
    static CuttableDatabase h2(Path directory) {
        String url = TestDatabases.freshH2(directory).url();
        Path file = Path.of(url.substring("jdbc:h2:file:".length()) + ".mv.db");
        Path away = file.resolveSibling(file.getFileName() + ".away");
        TestDatabases.execute(DatabaseSettings.of(url), "SELECT 1"); // creates the file, for IFEXISTS=TRUE
        DatabaseSettings settings = DatabaseSettings.of(url + ";IFEXISTS=TRUE");
        return new CuttableDatabase() {
            @Override
            public DatabaseSettings settings() {
                return settings;
            }

            @Override
            public void cut() {
                move(file, away); // the open database keeps writing to the moved file, which the restore brings back
                try {
                    TestDatabases.execute(settings, "SHUTDOWN");
                } catch (IllegalStateException closedAlready) {
                    // no connection held it open: it is closed, and cannot be reopened without its file
                }
            }

            @Override
            public void restore() {
                move(away, file);
            }

            @Override
            public void close() {
                if (Files.exists(away)) {
                    restore();
                }
            }
        };
    }

    /**
     * A new database in the PostgreSQL server that {@code APPKEYS_TEST_PG_URL} names. Cutting refuses new
     * connections to it and terminates the open ones; closing drops it.
     */
    static CuttableDatabase postgres() {
        String admin = TestDatabases.postgresUrl()
                .orElseThrow(() -> new IllegalStateException(TestDatabases.PG_URL_VARIABLE + " is not set"));
        String database = "appkeys_cut_" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        TestDatabases.execute(admin, "CREATE DATABASE " + database);
        DatabaseSettings settings = DatabaseSettings.of(admin.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        return new CuttableDatabase() {
            @Override
            public DatabaseSettings settings() {
                return settings;
            }

            @Override
            public void cut() {
                TestDatabases.execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                TestDatabases.execute(
                        admin,
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity" + " WHERE datname = '" + database
                                + "' AND pid <> pg_backend_pid()");
            }

            @Override
            public void restore() {
                TestDatabases.execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }

            @Override
            public void close() {
                restore();
                TestDatabases.execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        };
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
