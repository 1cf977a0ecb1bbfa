package io.appkeys.core.memory;

import io.appkeys.core.contract.UserStoreContract;
import io.appkeys.core.port.out.Storage;

class InMemoryUserStoreTest extends UserStoreContract {

    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }
}
