package io.appkeys.core.memory;

import io.appkeys.core.contract.AuditLogContract;
import io.appkeys.core.port.out.Storage;

class InMemoryAuditLogTest extends AuditLogContract {

    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }
}
