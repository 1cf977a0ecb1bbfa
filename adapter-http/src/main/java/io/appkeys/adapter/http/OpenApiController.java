package io.appkeys.adapter.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@code GET /openapi/appkeys-0.1.yml}: the OpenAPI document that micronaut-openapi writes at build time,
 * served as it is. A controller rather than a static-resource mapping, so that like every other endpoint it
 * answers only the methods it serves (GET, and HEAD with it) and 405 to any other.
 */
@Controller("/openapi")
@Hidden
final class OpenApiController {

    static final String DOCUMENT = "appkeys-0.1.yml";
    private static final MediaType YAML = MediaType.of("application/yaml");

    private final byte[] document;

    OpenApiController() {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/" + DOCUMENT)) {
            this.document = in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document", e);
        }
    }

    @Get("/{file}")
    Optional<HttpResponse<byte[]>> document(@PathVariable String file) {
        return Optional.ofNullable(document)
                .filter(found -> DOCUMENT.equals(file))
                .map(found -> HttpResponse.ok(found).contentType(YAML));
    }
}
