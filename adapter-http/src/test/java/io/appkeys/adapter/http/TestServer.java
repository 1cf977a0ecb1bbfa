package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.SealingKey;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server on a free port over the given store, with fast Argon2. Public, with what the browser tests need,
 * for the console package.
 */
public final class TestServer implements AutoCloseable {

    /** One sealing key for every server of the run, as the servers of one database share one. */
    static final SealingKey SEALING_KEY = SealingKey.generate();

    private final ApplicationContext context;
    private final EmbeddedServer server;

    public TestServer(DatabaseSettings store) {
        this(store, Map.of());
    }

    TestServer(DatabaseSettings store, Map<String, Object> properties) {
        this(store, properties, new Object[0]);
    }

    /** With more singletons in the context, as {@link Server#main} adds the store it began opening. */
    TestServer(DatabaseSettings store, Map<String, Object> properties, Object... singletons) {
        Map<String, Object> all = new HashMap<>();
        all.put("micronaut.server.port", -1);
        all.put("appkeys.argon2-memory-kib", 64);
        all.put("appkeys.argon2-iterations", 1);
        all.putAll(properties);
        this.context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .propertySources(ShippedConfiguration.propertySource())
                .properties(all)
                .singletons(store, SEALING_KEY)
                .singletons(singletons)
                .start();
        this.server = context.getBean(EmbeddedServer.class).start();
    }

    public URI uri() {
        return server.getURI();
    }

    public AppKeys appKeys() {
        return context.getBean(AppKeys.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        server.stop();
        context.close();
    }
}
