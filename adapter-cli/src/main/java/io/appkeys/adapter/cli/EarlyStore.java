package io.appkeys.adapter.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The store, opened on a thread of its own while picocli reads the command and parses its line. Opening the embedded
 * store (H2 reading its schema back, the pool's first connection) is about half of a command such as {@code key
 * list}, and on two cores most of it now passes beside the parsing instead of after it.
 *
 * <p>{@link AppKeysCli} starts one only for a command line that names a command and asks for no help, and only for a
 * store that exists already, so a mistyped command line still creates nothing. What the opening warns of, or fails
 * with, reaches the operator only when the command uses the store, exactly as when the command opens it itself.
 */
final class EarlyStore {

    /**
     * How long a command line that never used the store (a usage error) waits for its opening to end, so as to close
     * it rather than leave it to the JVM's exit: long enough for a store that opens, short enough that a typo is not
     * held by a store that cannot be reached.
     */
    private static final long UNUSED_WAIT_MILLIS = 500;

    private final Optional<String> database;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Composition.OpenStore> opening;

    private EarlyStore(Composition composition, Optional<String> database) {
        this.database = database;
        this.opening = CompletableFuture.supplyAsync(() -> composition.open(database, warnings::add), task -> {
            Thread thread = new Thread(task, "appkeys-store-opening");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Starts opening the store {@code --db} names ({@code database}), else the one the environment names. */
    static EarlyStore start(Composition composition, Optional<String> database) {
        return new EarlyStore(composition, database);
    }

    /**
     * The store, once open, if it is the one the parsed command line names; empty (and this one closed) when the
     * parsing found another {@code --db} than the early look at the arguments did.
     *
     * @throws RuntimeException what opening the store threw, as {@link Composition#open} would have
     */
    Optional<Composition.OpenStore> take(Optional<String> parsedDatabase, Consumer<String> warn) {
        if (!parsedDatabase.equals(database)) {
            discard();
            return Optional.empty();
        }
        try {
            return Optional.of(opening.join());
        } catch (CompletionException e) {
            throw unwrapped(e.getCause());
        } finally {
            warnings.forEach(warn);
        }
    }

    /**
     * Closes the store that no command took. A command line that failed to parse waits a little for the opening to
     * end, so the store is closed before the JVM exits; past that, the store closes itself when its opening ends.
     */
    void discard() {
        try {
            opening.get(UNUSED_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // unused: nobody needs to hear that it could not be opened, or that it is slow to
        }
        opening.thenAccept(Composition.OpenStore::close);
    }

    private static RuntimeException unwrapped(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
