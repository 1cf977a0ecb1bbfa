package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.StoreUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL's word that a change was committed: a connection of its own, outside the pool, that listens on
 * the feed's channel. Used by the one thread that follows the feed; a lost connection is opened again on the
 * next wait, which then returns at once, since changes may have been missed while no one listened.
 */
final class PostgresNotifications implements AutoCloseable {

    static final String CHANNEL = "appkeys_changes";

    /** How long a wait lasts without a notification: the safety net, should one ever be missed. */
    static final Duration SAFETY_POLL = Duration.ofSeconds(5);

    private final DatabaseSettings settings;
    private Connection connection;
    private volatile boolean closed;

    PostgresNotifications(DatabaseSettings settings) {
        this.settings = settings;
    }

    /**
     * Returns when a change was committed (true), after the safety poll, or at once when it had to start
     * listening (false).
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    boolean await() {
        if (closed) {
            return false;
        }
        try {
            if (connection == null) {
                connection = listen();
                return false;
            }
            PGNotification[] received =
                    connection.unwrap(PGConnection.class).getNotifications((int) SAFETY_POLL.toMillis());
            return received != null && received.length > 0;
        } catch (SQLException e) {
            closeConnection();
            throw new StoreUnavailableException(
                    "cannot listen for changes at " + settings.redactedUrl() + ": "
                            + settings.redact(String.valueOf(e.getMessage())),
                    e);
        }
    }

    private Connection listen() throws SQLException {
        Connection opened = DriverManager.getConnection(
                settings.url(),
                settings.user().orElse(null),
                settings.password().orElse(null));
        try (Statement statement = opened.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    /** Stops listening; a wait in progress ends with the connection. */
    @Override
    public void close() {
        closed = true;
        closeConnection();
    }

    private void closeConnection() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // closing: nothing more to do
            }
        }
    }
}
