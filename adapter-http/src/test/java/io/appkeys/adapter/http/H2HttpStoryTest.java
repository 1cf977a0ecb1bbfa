package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.CuttableDatabase;
import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP story over the embedded H2 store, the default a user gets. */
class H2HttpStoryTest extends HttpStoryContract {

    @TempDir
    static Path directory;

    @Override
    protected DatabaseSettings openStore() {
        return TestDatabases.freshH2(directory);
    }

    @Override
    protected void dropStore(DatabaseSettings settings) {
        // the temporary directory goes with the suite
    }

    @Override
    protected CuttableDatabase cuttableStore() {
        return CuttableDatabase.h2(directory);
    }
}
