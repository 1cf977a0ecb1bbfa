package io.appkeys.adapter.persistence;

import io.appkeys.core.contract.TwoInstancesContract;
import io.appkeys.core.port.out.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two instances on one PostgreSQL schema, each with its own pool and its own listening connection, as two
 * servers on one database; when {@code APPKEYS_TEST_PG_URL} names a server.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class PostgresTwoInstancesTest extends TwoInstancesContract {

    private static DatabaseSettings store;

    @BeforeAll
    static void newSchema() {
        store = TestDatabases.freshPostgres().orElseThrow();
    }

    @AfterAll
    static void dropSchema() {
        TestDatabases.dropPostgres(store);
    }

    @Override
    protected Storage openStore() {
        return Databases.open(store);
    }
}
