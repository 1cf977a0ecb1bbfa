package io.appkeys.adapter.persistence;

import io.appkeys.core.contract.TwoInstancesContract;
import io.appkeys.core.port.out.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on one embedded H2 file, each with its own pool, as the server and the CLI share one. */
class H2TwoInstancesTest extends TwoInstancesContract {

    @TempDir
    Path directory;

    private DatabaseSettings store;

    @Override
    protected Storage openStore() {
        if (store == null) {
            store = TestDatabases.freshH2(directory); // a new file for each test
        }
        return Databases.open(store);
    }
}
