package io.appkeys.core.memory;

import io.appkeys.core.contract.AppKeyStoreContract;
import io.appkeys.core.port.out.Storage;

class InMemoryAppKeyStoreTest extends AppKeyStoreContract {

    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }
}
