package io.appkeys.adapter.persistence;

import io.appkeys.core.contract.StorageContracts;
import io.appkeys.core.contract.StorageUnderTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every storage contract on the embedded H2 file, one database for the whole run. */
@ExtendWith(SharedDatabases.class)
class H2StorageTest extends StorageContracts {

    @RegisterExtension
    static final StorageUnderTest STORAGE = StorageUnderTest.shared(SharedDatabases::h2);
}
