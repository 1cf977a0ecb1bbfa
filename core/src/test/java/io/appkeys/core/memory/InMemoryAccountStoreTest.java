package io.appkeys.core.memory;

import io.appkeys.core.contract.AccountStoreContract;
import io.appkeys.core.port.out.Storage;

class InMemoryAccountStoreTest extends AccountStoreContract {

    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }
}
