package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.DatabaseSettings;

/** A fresh database of a test's own, that the test can also cut off and bring back. */
interface StoreUnderTest extends AutoCloseable {

    DatabaseSettings settings();

    /** Makes the database unreachable for the server: open connections die and new ones are refused. */
    void cut();

    /** Makes it reachable again; the server must recover by itself. */
    void restore();

    @Override
    void close();
}
