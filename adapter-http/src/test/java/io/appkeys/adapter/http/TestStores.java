package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.CuttableDatabase;
import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The stores a parameterized HTTP test class runs on: a fresh H2 file, and a fresh PostgreSQL schema when
 * {@code APPKEYS_TEST_PG_URL} names a server.
 */
record TestStores(String name, DatabaseSettings settings) {

    static Stream<TestStores> all() {
        Stream.Builder<TestStores> stores = Stream.builder();
        stores.add(new TestStores("H2", TestDatabases.freshH2(newDirectory())));
        TestDatabases.freshPostgres().ifPresent(postgres -> stores.add(new TestStores("PostgreSQL", postgres)));
        return stores.build();
    }

    /** Another fresh database of the same kind, that a test may cut off and bring back. */
    CuttableDatabase cuttable() {
        return settings.isPostgres() ? CuttableDatabase.postgres() : CuttableDatabase.h2(newDirectory());
    }

    void drop() {
        if (settings.isPostgres()) {
            TestDatabases.dropPostgres(settings);
        }
    }

    private static Path newDirectory() {
        return Path.of("target", "http-test-databases", UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return name;
    }
}
