package io.appkeys.adapter.cli;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.Databases;
import io.appkeys.adapter.persistence.SealingKeys;
import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.crypto.SealingKey;
import io.appkeys.core.port.out.Storage;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The CLI's composition root, the one class that knows the persistence adapter and the Argon2 hasher: it
 * opens the store and builds the key authority over it.
 */
final class Composition {

    /** One command at a time needs few connections; a small pool also opens fast. */
    private static final int POOL_SIZE = 2;

    private final Map<String, String> environment;
    private final Argon2Parameters argon2;

    /** Tests pass cheap Argon2 parameters; everything else is as in production. */
    Composition(Map<String, String> environment, Argon2Parameters argon2) {
        this.environment = Map.copyOf(environment);
        this.argon2 = argon2;
    }

    /** Production: OWASP's Argon2id parameters, the store from the environment unless {@code --db} names one. */
    static Composition production(Map<String, String> environment) {
        return new Composition(environment, Argon2Parameters.owasp());
    }

    /**
     * Opens the store at {@code jdbcUrl}, else the one the environment names, else the embedded H2 file;
     * {@code warnings} receives what the operator should know about it, a line each.
     */
    OpenStore open(Optional<String> jdbcUrl, Consumer<String> warnings) {
        Storage storage = Databases.open(settings(jdbcUrl), warnings);
        try {
            // No usage timer: a command is short, and closing the AppKeys writes the noted uses.
            return new OpenStore(AppKeys.builder()
                    .storage(storage)
                    .argon2(argon2)
                    .usageFlushEvery(null)
                    // one command, nothing cached worth keeping fresh; its changes still wait (boundedly) until
                    // every running server has applied them, so the next request there sees them
                    .followChanges(false)
                    // found or made only by a command that signs a token (auth login)
                    .sealingKey(() -> SealingKey.fromBase64(SealingKeys.fromEnvironment(environment)))
                    .build());
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /**
     * Whether {@link #open} would create the store rather than open one that exists: see {@link
     * Databases#wouldCreate}. Settings that do not even parse count as "would create", so that only the command
     * itself reports them.
     */
    boolean wouldCreate(Optional<String> jdbcUrl) {
        try {
            return Databases.wouldCreate(settings(jdbcUrl));
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** {@code text} with the store's password masked, in whatever form the URL or the environment gives it. */
    String redact(Optional<String> jdbcUrl, String text) {
        try {
            return settings(jdbcUrl).redact(text);
        } catch (RuntimeException e) {
            // settings that do not even parse hold no password we could know of; mask what looks like one
            return DatabaseSettings.of("jdbc:h2:mem:")
                    .redact(jdbcUrl.map(url -> text.replace(url, "[database URL]"))
                            .orElse(text));
        }
    }

    private DatabaseSettings settings(Optional<String> jdbcUrl) {
        DatabaseSettings fromEnvironment = DatabaseSettings.fromEnvironment(environment);
        return jdbcUrl.map(fromEnvironment::withUrl).orElse(fromEnvironment).withMaxPoolSize(POOL_SIZE);
    }

    /** The key authority over an open store: its use cases, and {@link #close()} to write what is pending. */
    static final class OpenStore implements AutoCloseable {

        private final AppKeys appKeys;

        private OpenStore(AppKeys appKeys) {
            this.appKeys = appKeys;
        }

        <T> T use(Class<T> port) {
            return appKeys.use(port);
        }

        @Override
        public void close() {
            appKeys.close();
        }
    }
}
