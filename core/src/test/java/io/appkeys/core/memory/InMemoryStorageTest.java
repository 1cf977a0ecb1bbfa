package io.appkeys.core.memory;

import io.appkeys.core.contract.StorageContracts;
import io.appkeys.core.contract.StorageUnderTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every storage contract, on a new in-memory storage for each test. */
class InMemoryStorageTest extends StorageContracts {

    @RegisterExtension
    static final StorageUnderTest STORAGE = StorageUnderTest.fresh(InMemoryStorage::new);
}
