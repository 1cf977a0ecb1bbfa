package io.appkeys.adapter.persistence;

import io.appkeys.core.contract.AccountStoreContract;
import io.appkeys.core.port.out.Storage;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabases.class)
class H2AccountStoreTest extends AccountStoreContract {

    @Override
    protected Storage openStorage() {
        return SharedDatabases.h2();
    }

    @Override
    protected boolean closeAfterEach() {
        return false;
    }
}
