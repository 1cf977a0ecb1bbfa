package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.CuttableDatabase;
import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The HTTP story over PostgreSQL, when {@code APPKEYS_TEST_PG_URL} names a server to test against. */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class PostgresHttpStoryTest extends HttpStoryContract {

    @Override
    protected DatabaseSettings openStore() {
        return TestDatabases.freshPostgres().orElseThrow();
    }

    @Override
    protected void dropStore(DatabaseSettings settings) {
        TestDatabases.dropPostgres(settings);
    }

    @Override
    protected CuttableDatabase cuttableStore() {
        return CuttableDatabase.postgres();
    }
}
