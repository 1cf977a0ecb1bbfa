package io.appkeys.core.memory;

import io.appkeys.core.contract.TwoInstancesContract;
import io.appkeys.core.port.out.Storage;

/** Two instances on one in-memory storage, as two processes on one database. */
class InMemoryTwoInstancesTest extends TwoInstancesContract {

    private final InMemoryStorage shared = new InMemoryStorage();

    @Override
    protected Storage openStore() {
        return shared;
    }
}
