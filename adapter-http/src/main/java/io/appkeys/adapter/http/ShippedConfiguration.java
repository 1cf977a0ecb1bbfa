package io.appkeys.adapter.http;

import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The server's own configuration, {@code server.properties} beside this class, as the property source that Micronaut
 * makes of an {@code application.properties}: below environment variables and system properties, which override
 * it. It is not an {@code application.properties} because Micronaut reads that one, in the runnable jar, through a
 * zip file system of the whole jar (its 17,000 entries read and indexed again, a tenth of the start's CPU); here
 * it is read through the jar the JVM already has open.
 */
final class ShippedConfiguration {

    private static final String RESOURCE = "server.properties";

    private ShippedConfiguration() {}

    static PropertySource propertySource() {
        Properties properties = new Properties();
        try (InputStream in = ShippedConfiguration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + ShippedConfiguration.class);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return PropertySource.of("application", values, AbstractPropertySourceLoader.DEFAULT_POSITION);
    }
}
