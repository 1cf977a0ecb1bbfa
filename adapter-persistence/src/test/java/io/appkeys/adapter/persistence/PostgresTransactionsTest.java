package io.appkeys.adapter.persistence;

import io.appkeys.core.contract.TransactionsContract;
import io.appkeys.core.port.out.Storage;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabases.class)
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class PostgresTransactionsTest extends TransactionsContract {

    @Override
    protected Storage openStorage() {
        return SharedDatabases.postgres();
    }

    @Override
    protected boolean closeAfterEach() {
        return false;
    }
}
