package io.appkeys.adapter.persistence;

import io.appkeys.core.contract.RoleStoreContract;
import io.appkeys.core.port.out.Storage;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabases.class)
class H2RoleStoreTest extends RoleStoreContract {

    @Override
    protected Storage openStorage() {
        return SharedDatabases.h2();
    }

    @Override
    protected boolean closeAfterEach() {
        return false;
    }
}
