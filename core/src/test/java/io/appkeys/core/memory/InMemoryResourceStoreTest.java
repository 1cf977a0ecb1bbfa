package io.appkeys.core.memory;

import io.appkeys.core.contract.ResourceStoreContract;
import io.appkeys.core.port.out.Storage;

class InMemoryResourceStoreTest extends ResourceStoreContract {

    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }
}
