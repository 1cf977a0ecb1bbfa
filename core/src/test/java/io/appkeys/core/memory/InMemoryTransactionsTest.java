package io.appkeys.core.memory;

import io.appkeys.core.contract.TransactionsContract;
import io.appkeys.core.port.out.Storage;

class InMemoryTransactionsTest extends TransactionsContract {

    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }
}
