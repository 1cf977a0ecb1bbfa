package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The response schemas of VTEX's documents, as JSON Schema files in {@code src/test/resources/vtex-schemas}
 * (each names the operation it was derived from), checked strictly: formats are asserted, and members that
 * VTEX's document does not define are refused.
 */
final class VtexSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private VtexSchemas() {}

    /** Fails unless {@code reply}'s body matches the schema file {@code name}. */
    static void assertMatches(String name, Reply reply) {
        Schema schema = SCHEMAS.computeIfAbsent(name, VtexSchemas::load);
        List<Error> errors = schema.validate(reply.body(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            fail("response does not match " + name + ": " + errors + "\nbody: " + reply.body());
        }
    }

    private static Schema load(String name) {
        String path = "/vtex-schemas/" + name + ".json";
        try (InputStream in = VtexSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + path);
            }
            return REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
