package io.appkeys.adapter.persistence;

import io.appkeys.core.contract.StorageContracts;
import io.appkeys.core.contract.StorageUnderTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every storage contract on PostgreSQL, when {@code APPKEYS_TEST_PG_URL} names a server, one database for the whole run. */
@ExtendWith(SharedDatabases.class)
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class PostgresStorageTest extends StorageContracts {

    @RegisterExtension
    static final StorageUnderTest STORAGE = StorageUnderTest.shared(SharedDatabases::postgres);
}
