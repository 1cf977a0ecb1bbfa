package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The one way the stores reach the database: runs work on the thread's handle (joining an open
 * transaction) and turns every database failure into a core exception, so no JDBI or SQL type escapes.
 */
final class Db {

    private final Jdbi jdbi;
    private final DatabaseSettings settings;
    private final Runnable connectionsLost;
    private final boolean syncCommits;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final GroupSync commits = new GroupSync();
    private final ThreadLocal<List<Consumer<Handle>>> beforeCommit = new ThreadLocal<>();

    /**
     * @param settings        the store, for messages (its password is masked in every one)
     * @param connectionsLost called when a connection turns out dead, so the pool drops its other idle
     *                        connections (likely dead too) and the next call starts on a fresh one
     * @param syncCommits     whether a committed transaction is forced to disk before it returns (H2 files)
     */
    Db(Jdbi jdbi, DatabaseSettings settings, Runnable connectionsLost, boolean syncCommits) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.connectionsLost = connectionsLost;
        this.syncCommits = syncCommits;
    }

    /** Whether the store is PostgreSQL (else embedded H2), for the few statements the two spell differently. */
    boolean postgres() {
        return settings.isPostgres();
    }

    <T> T with(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    void use(Consumer<Handle> work) {
        with(handle -> {
            work.accept(handle);
            return null;
        });
    }

    /**
     * Runs {@code work} in a transaction, joining one already open on this thread. Once the outermost one has
     * committed, it is on disk: that is when a change may be confirmed to whoever asked for it.
     */
    <T> T inTransaction(Supplier<T> work) {
        int[] open = depth.get();
        try {
            open[0]++;
            return jdbi.withHandle(handle -> {
                T result = handle.inTransaction(transaction -> open[0] == 1 ? outermost(handle, work) : work.get());
                if (open[0] == 1 && syncCommits) {
                    commits.afterCommit(() -> handle.execute("CHECKPOINT SYNC"));
                }
                return result;
            });
        } catch (JdbiException e) {
            throw translate(e);
        } finally {
            open[0]--;
        }
    }

    /** Runs the work of an outermost transaction, then what it left to do just before the commit. */
    private <T> T outermost(Handle handle, Supplier<T> work) {
        List<Consumer<Handle>> actions = new ArrayList<>();
        beforeCommit.set(actions);
        try {
            T result = work.get();
            for (int i = 0; i < actions.size(); i++) {
                actions.get(i).accept(handle);
            }
            return result;
        } finally {
            beforeCommit.remove();
        }
    }

    /**
     * Runs {@code action} in the open transaction, after all its other work, just before it commits; for
     * writes that should hold their locks for as short a time as possible.
     *
     * @throws IllegalStateException when no transaction is open on this thread
     */
    void beforeCommit(Consumer<Handle> action) {
        List<Consumer<Handle>> actions = beforeCommit.get();
        if (actions == null) {
            throw new IllegalStateException("no transaction is open on this thread");
        }
        actions.add(action);
    }

    /** Whether this thread has a transaction open. */
    boolean transactionOpen() {
        return beforeCommit.get() != null;
    }

    /** A unique or foreign-key violation, for a store to turn into a domain answer; else unavailability. */
    RuntimeException translate(JdbiException e) {
        Optional<SQLException> sql = sqlCause(e);
        String state = sql.map(SQLException::getSQLState).orElse("");
        if ("23505".equals(state)) {
            return new Violation(Violation.Kind.UNIQUE, constraint(sql.get()), e);
        }
        if ("23503".equals(state) || "23506".equals(state)) {
            return new Violation(Violation.Kind.FOREIGN_KEY, constraint(sql.get()), e);
        }
        String reason = settings.redact(sql.map(SQLException::getMessage).orElse(e.getMessage()));
        if (isConnectionProblem(e, state)) {
            connectionsLost.run();
            return new StoreUnavailableException(
                    "the database at " + settings.redactedUrl() + " is unavailable: " + firstLine(reason), e);
        }
        return new StoreUnavailableException(
                "the database at " + settings.redactedUrl() + " failed: " + firstLine(reason), e);
    }

    private static boolean isConnectionProblem(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
        }
        return state.startsWith("08") || state.startsWith("57P") || state.equals("90098") || state.equals("90121");
    }

    private static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static String constraint(SQLException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no reason given";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** A constraint the database enforced; the store that caused it says what it means. */
    static final class Violation extends RuntimeException {

        private static final long serialVersionUID = 1L;

        enum Kind {
            UNIQUE,
            FOREIGN_KEY
        }

        private final Kind kind;
        private final String detail;

        Violation(Kind kind, String detail, Throwable cause) {
            super("constraint violated: " + kind, cause);
            this.kind = kind;
            this.detail = detail;
        }

        Kind kind() {
            return kind;
        }

        boolean names(String constraint) {
            return detail.contains(constraint);
        }
    }
}
