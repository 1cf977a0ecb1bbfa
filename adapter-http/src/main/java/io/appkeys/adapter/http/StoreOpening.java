package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.Databases;
import io.appkeys.core.port.out.Storage;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store, opened on a thread of its own while the server's context starts. Opening the embedded store runs
 * about a third of a second of code that has not been compiled yet (H2 reads its schema back and takes its file
 * lock), and so does the first statement run through it (JDBI's SQL parser, and its flight-recorder event
 * registered with the JVM), while the context's own start is longer still: side by side on two cores, the server
 * answers that much sooner. {@link AppKeysFactory} takes it when it is for the settings the context chose, and closes it if not.
 */
final class StoreOpening {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOpening.class);

    private final DatabaseSettings settings;
    private final CompletableFuture<Storage> storage = new CompletableFuture<>();

    private StoreOpening(DatabaseSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts opening the store that the environment names; nothing when the environment cannot be read, which the
     * context's own start then reports.
     */
    static Optional<StoreOpening> beginFromEnvironment() {
        DatabaseSettings settings;
        try {
            settings = DatabaseSettings.fromEnvironment(System.getenv());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(begin(settings));
    }

    /** Starts opening the store that {@code settings} name; a failure is thrown by {@link #take}. */
    static StoreOpening begin(DatabaseSettings settings) {
        StoreOpening opening = new StoreOpening(settings);
        Thread thread = new Thread(
                () -> {
                    try {
                        Storage storage = open(settings);
                        storage.changes().latest(); // the first statement's one-off costs, paid here too
                        opening.storage.complete(storage);
                    } catch (RuntimeException | Error e) {
                        opening.storage.completeExceptionally(e);
                    }
                },
                "appkeys:store-opening");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    /** Opens the store at once, on the calling thread. */
    static Storage open(DatabaseSettings settings) {
        LOG.info("opening the store at {}", settings.redactedUrl());
        return Databases.open(settings);
    }

    boolean isFor(DatabaseSettings wanted) {
        return settings.equals(wanted);
    }

    /**
     * The opened store, once it is open.
     *
     * @throws RuntimeException the one opening it threw, such as the store's own "cannot open the store at …"
     */
    Storage take() {
        try {
            return storage.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Closes the store once it is open, for a context that chose other settings; a failure to open is dropped. */
    void discard() {
        storage.thenAccept(Storage::close);
    }
}
