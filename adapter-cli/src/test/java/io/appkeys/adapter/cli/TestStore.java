package io.appkeys.adapter.cli;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh database for one run of a test class: an embedded H2 file under {@code target/}, opened with the
 * same URL as the production default, and a PostgreSQL schema of its own when {@code APPKEYS_TEST_PG_URL} is
 * set.
 */
final class TestStore {

    private final String name;
    private final DatabaseSettings settings;

    private TestStore(String name, DatabaseSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    /** The stores a test class runs on; the source of every {@code @ParameterizedClass} here. */
    static Stream<TestStore> all() {
        Stream.Builder<TestStore> stores = Stream.builder();
        stores.add(h2());
        TestDatabases.freshPostgres().ifPresent(postgres -> stores.add(new TestStore("PostgreSQL", postgres)));
        return stores.build();
    }

    /** A new embedded H2 file, with the same URL as the production default. */
    static TestStore h2() {
        Path home = Path.of("target", "cli-test-databases", UUID.randomUUID().toString());
        return new TestStore("H2", DatabaseSettings.embedded(home));
    }

    /** The environment that points the CLI at this store, as an operator would set it. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put(
                "APPKEYS_HOME",
                Path.of("target", "cli-test-home").toAbsolutePath().toString());
        environment.put("APPKEYS_DB_URL", settings.url());
        settings.user().ifPresent(user -> environment.put("APPKEYS_DB_USER", user));
        settings.password().ifPresent(password -> environment.put("APPKEYS_DB_PASSWORD", password));
        return environment;
    }

    String url() {
        return settings.url();
    }

    DatabaseSettings settings() {
        return settings;
    }

    void drop() {
        if (settings.isPostgres()) {
            TestDatabases.dropPostgres(settings);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
