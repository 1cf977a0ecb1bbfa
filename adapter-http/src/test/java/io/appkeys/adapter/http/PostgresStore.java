package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import java.security.SecureRandom;

/**
 * A PostgreSQL database of the test's own in the server that {@code APPKEYS_TEST_PG_URL} names. Cutting it
 * refuses new connections and terminates the open ones.
 */
final class PostgresStore implements StoreUnderTest {

    private final String admin;
    private final String database;
    private final DatabaseSettings settings;

    PostgresStore() {
        this.admin = TestDatabases.postgresUrl().orElseThrow(() -> new IllegalStateException(
                TestDatabases.PG_URL_VARIABLE + " is not set"));
        this.database = "appkeys_http_" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        H2Store.execute(admin, "CREATE DATABASE " + database);
        this.settings = DatabaseSettings.of(admin.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
    }

    @Override
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void cut() {
        H2Store.execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        H2Store.execute(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database + "' AND pid <> pg_backend_pid()");
    }

    @Override
    public void restore() {
        H2Store.execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    @Override
    public void close() {
        restore();
        H2Store.execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
}
