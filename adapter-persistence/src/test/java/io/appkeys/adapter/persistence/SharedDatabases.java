package io.appkeys.adapter.persistence;

import io.appkeys.core.port.out.Storage;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One H2 database and (when configured) one PostgreSQL schema for the whole test run, migrated once and
 * shared by the contract tests, which isolate themselves by account. Both go away when the run ends.
 */
final class SharedDatabases implements BeforeAllCallback {

    private static Resources resources;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedDatabases.class, key -> open(), Resources.class);
    }

    private static synchronized Resources open() {
        resources = new Resources();
        return resources;
    }

    static Storage h2() {
        return resources.h2();
    }

    static Storage postgres() {
        return resources.postgres();
    }

    private static final class Resources implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private Storage h2;
        private Storage postgres;
        private DatabaseSettings postgresSettings;

        synchronized Storage h2() {
            if (h2 == null) {
                h2 = Databases.open(TestDatabases.freshH2(Path.of("target", "h2-contract")));
            }
            return h2;
        }

        synchronized Storage postgres() {
            if (postgres == null) {
                Optional<DatabaseSettings> settings = TestDatabases.freshPostgres();
                postgresSettings = settings.orElseThrow(
                        () -> new IllegalStateException(TestDatabases.PG_URL_VARIABLE + " is not set"));
                postgres = Databases.open(postgresSettings);
            }
            return postgres;
        }

        @Override
        public synchronized void close() {
            if (h2 != null) {
                h2.close();
            }
            if (postgres != null) {
                postgres.close();
                TestDatabases.dropPostgres(postgresSettings);
            }
        }
    }
}
