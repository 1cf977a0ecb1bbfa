package io.appkeys.core.memory;

import io.appkeys.core.contract.RoleStoreContract;
import io.appkeys.core.port.out.Storage;

class InMemoryRoleStoreTest extends RoleStoreContract {

    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }
}
