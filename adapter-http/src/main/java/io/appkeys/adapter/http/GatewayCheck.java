package io.appkeys.adapter.http;

import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.port.in.Attempt;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * The gateway's common case, answered before routing: a {@code GET /api/authz/check} whose pair core can
 * confirm without blocking (from its credential cache) and whose resource it grants gets its 200 here. This
 * skips Micronaut's asynchronous filter chain and argument binding, which measured about a sixth of the
 * request's cost on the path gateways call most. Anything else (a rejection, a throttle, a miss that needs
 * the store, a denial, an {@code an} parameter of another account, a malformed resource, another method than GET)
 * continues to the
 * {@link AuthenticationFilter} and {@link AuthzController}, which give every other answer.
 */
@ServerFilter(
        value = AuthzController.CHECK_PATH,
        methods = {HttpMethod.GET, HttpMethod.HEAD})
final class GatewayCheck implements Ordered {

    private final AuthenticateUseCase authentication;
    private final AuthorizeUseCase authorization;
    private final RequestCredentials credentials;

    GatewayCheck(AuthenticateUseCase authentication, AuthorizeUseCase authorization, RequestCredentials credentials) {
        this.authentication = authentication;
        this.authorization = authorization;
        this.credentials = credentials;
    }

    /** The 200 when the pair is in core's cache and grants the resource; null to let the request go on. */
    @RequestFilter
    @Nullable
    HttpResponse<?> answer(HttpRequest<?> request) {
        String resource = request.getParameters().get(AuthzController.RESOURCE);
        String metadata = request.getParameters().get(AuthzController.METADATA);
        if (!ResourceName.isWellFormed(resource) || !QueryFlag.isFlag(metadata)) {
            return null;
        }
        Attempt attempt = credentials.read(request);
        Optional<AuthenticationResult> quick = authentication.authenticateWithoutBlocking(attempt);
        if (quick.isPresent() && quick.get() instanceof AuthenticationResult.Authenticated authenticated) {
            Principal principal = authenticated.principal();
            if (RequestCredentials.mayActOn(request, principal.account())
                    && authorization
                            .authorize(principal, new ResourceName(resource))
                            .allowed()) {
                boolean withMetadata = "true".equals(metadata);
                return request.getMethod() == HttpMethod.HEAD
                        ? AuthzController.allowedHead(principal, withMetadata)
                        : AuthzController.allowed(principal, withMetadata);
            }
        }
        // not answered here: the filter decides, on the same attempt (stored only now, off the fast path)
        RequestCredentials.handOn(request, attempt);
        return null;
    }

    /**
     * Any answer to a {@code HEAD} (a refusal too) goes without a body and says so, so that the gateway's connection
     * stays open for its next check rather than being closed to mark the body's end.
     */
    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() == HttpMethod.HEAD) {
            response.body(null);
            response.header(HttpHeaders.CONTENT_LENGTH, "0");
        }
    }

    @Override
    public int getOrder() {
        return FilterOrder.GATEWAY_CHECK;
    }
}
