package io.appkeys.adapter.http;

import io.appkeys.core.port.in.PublicKeysUseCase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that check signed tokens, for a gateway that checks them
 * itself. Public, as public keys are; a gateway may keep it for five minutes, and should fetch it again when a
 * token names a key it does not know (a new key signs from its first use on).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "VTEX ID")
final class JwksController {

    static final String PATH = "/.well-known/jwks.json";
    static final String JWK_SET = "application/jwk-set+json";

    private final PublicKeysUseCase keys;

    JwksController(PublicKeysUseCase keys) {
        this.keys = keys;
    }

    @Get(value = PATH, produces = JWK_SET)
    @SecurityRequirements
    @Operation(summary = "The public keys that check signed tokens (JWK Set)")
    MutableHttpResponse<String> publicKeys() {
        return HttpResponse.ok(keys.publicKeys())
                .contentType(JWK_SET)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
}
