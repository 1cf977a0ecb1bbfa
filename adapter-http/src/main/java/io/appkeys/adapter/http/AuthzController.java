package io.appkeys.adapter.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.UserPrincipal;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;

/**
 * {@code GET /api/authz/check?resource=R}, for gateways (nginx {@code auth_request}, Envoy): 200 when the
 * caller's credentials grant R, 401 when they do not authenticate, 403 when they do but do not grant R. The
 * answer also travels in headers, which is what a gateway can forward upstream; with {@code metadata=true}, so
 * does the key's metadata, for the gateway to route on.
 */
@Controller
@Tag(name = "Gateway")
final class AuthzController {

    static final String CHECK_PATH = "/api/authz/check";
    static final String RESOURCE = "resource";
    static final String ACCOUNT_HEADER = "X-AppKeys-Account";
    static final String PRINCIPAL_HEADER = "X-AppKeys-Principal";
    static final String METADATA = "metadata";
    static final String METADATA_HEADER = "X-AppKeys-Metadata";

    private final AuthorizeUseCase authorization;

    AuthzController(AuthorizeUseCase authorization) {
        this.authorization = authorization;
    }

    @Get(value = CHECK_PATH, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Check that the caller's credentials grant a resource")
    @ApiResponse(
            responseCode = "200",
            description = "the credentials grant the resource; with metadata=true the body also has the key's"
                    + " metadata (an object, or null) and, when it has some, the X-AppKeys-Metadata header holds it"
                    + " as base64url of its JSON",
            content = @Content(schema = @Schema(implementation = Check.class)))
    MutableHttpResponse<String> check(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @Parameter(description = "the resource the credentials should grant") @QueryValue(RESOURCE) @Nullable
                    String resource,
            @Parameter(
                            description = "true to have the key's metadata too",
                            schema = @Schema(allowableValues = {"true", "false"}))
                    @QueryValue(METADATA)
                    @Nullable
                    String metadata) {
        boolean withMetadata = QueryFlag.read(METADATA, metadata);
        ResourceName wanted = new ResourceName(resource);
        Principal principal = caller.principal();
        if (!authorization.authorize(principal, wanted).allowed()) {
            throw new ForbiddenException(principal.describe() + " does not hold resource " + wanted);
        }
        return allowed(principal, withMetadata);
    }

    /**
     * The 200 of a granted check: who was allowed, and on request the key's metadata, in the body and in headers a
     * gateway can forward (the metadata there as base64url of its JSON, which may hold any character).
     */
    static MutableHttpResponse<String> allowed(Principal principal, boolean withMetadata) {
        Check check = new Check(principal.account().value(), name(principal), type(principal));
        Optional<KeyMetadata> metadata = metadata(principal, withMetadata);
        return headers(HttpResponse.ok(withMetadata ? check.json(metadata) : check.json()), check, metadata);
    }

    /**
     * The same 200 without a body, for {@code HEAD}: a gateway reads only the status and headers, and a proxy
     * such as nginx keeps its connection for the next check only when no body is left unread.
     */
    static MutableHttpResponse<String> allowedHead(Principal principal, boolean withMetadata) {
        Check check = new Check(principal.account().value(), name(principal), type(principal));
        return headers(HttpResponse.<String>ok(), check, metadata(principal, withMetadata))
                .header(HttpHeaders.CONTENT_LENGTH, "0");
    }

    private static Optional<KeyMetadata> metadata(Principal principal, boolean withMetadata) {
        return withMetadata && principal instanceof KeyPrincipal key ? key.metadata() : Optional.empty();
    }

    private static MutableHttpResponse<String> headers(
            MutableHttpResponse<String> response, Check check, Optional<KeyMetadata> metadata) {
        response.contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(ACCOUNT_HEADER, check.account())
                .header(PRINCIPAL_HEADER, check.principal());
        metadata.ifPresent(said -> response.header(METADATA_HEADER, said.base64url()));
        return response;
    }

    private static String name(Principal principal) {
        if (principal instanceof KeyPrincipal key) {
            return key.appKey().value();
        }
        return ((UserPrincipal) principal).email().value();
    }

    private static String type(Principal principal) {
        return principal instanceof KeyPrincipal ? "appKey" : "user";
    }

    /**
     * Who was allowed: the account, the appKey (or user's email) and which of the two it is. This is the
     * hottest path a gateway drives, and writing these three strings directly (with Jackson's own quoting)
     * costs a fraction of a general object mapping, measured at several microseconds per request.
     */
    record Check(String account, String principal, String type) {

        String json() {
            return "{\"account\":\"" + quote(account) + "\",\"principal\":\"" + quote(principal) + "\",\"type\":\""
                    + quote(type) + "\"}";
        }

        /** With the key's metadata, a JSON object checked by core and written as it was given; null for none. */
        String json(Optional<KeyMetadata> metadata) {
            return "{\"account\":\"" + quote(account) + "\",\"principal\":\"" + quote(principal) + "\",\"type\":\""
                    + quote(type) + "\",\"metadata\":"
                    + (metadata.isPresent() ? metadata.get().json() : "null") + "}";
        }

        private static String quote(String value) {
            return new String(JsonStringEncoder.getInstance().quoteAsString(value));
        }
    }
}
