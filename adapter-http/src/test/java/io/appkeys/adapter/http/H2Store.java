package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An H2 file of the test's own. Cutting it shuts the database down and moves its file away, so reconnecting
 * fails ({@code IFEXISTS=TRUE}) until the file is back.
 */
final class H2Store implements StoreUnderTest {

    private final Path file;
    private final Path away;
    private final DatabaseSettings settings;

    H2Store(Path directory) {
        String url = TestDatabases.freshH2(directory).url();
        this.file = Path.of(url.substring("jdbc:h2:file:".length()) + ".mv.db");
        this.away = file.resolveSibling("away.mv.db");
        execute(url, "SELECT 1"); // creates the file, so that IFEXISTS=TRUE can open it
        this.settings = DatabaseSettings.of(url + ";IFEXISTS=TRUE");
    }

    @Override
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void cut() {
        execute(settings.url() + ";MODE=PostgreSQL", "SHUTDOWN");
        move(file, away);
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

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }
}
