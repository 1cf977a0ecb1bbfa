package io.appkeys.adapter.http;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server per store, started the first time a feature test asks for it and shared by every HTTP feature test of
 * the run; the servers stop, and their stores are dropped, when the run ends. Each test keeps to an account of its
 * own, so sharing a server shares nothing a test can see.
 */
final class SharedServers implements BeforeAllCallback {

    private static List<ServedStore> servers;

    /** The argument source of every {@link OverHttp} class: the H2 server, and the PostgreSQL one when configured. */
    static synchronized Stream<ServedStore> all() {
        if (servers == null) {
            List<ServedStore> started = new ArrayList<>();
            TestStores.all().forEach(store -> started.add(new ServedStore(store, new TestServer(store.settings()))));
            servers = List.copyOf(started);
        }
        return servers.stream();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SharedServers.class, key ->
                (AutoCloseable) SharedServers::stopAll);
    }

    private static synchronized void stopAll() {
        if (servers != null) {
            for (ServedStore served : servers) {
                served.server().close();
                served.store().drop();
            }
            servers = null;
        }
    }

    /** A store and the server running on it. */
    record ServedStore(TestStores store, TestServer server) {

        @Override
        public String toString() {
            return store.name();
        }
    }
}
