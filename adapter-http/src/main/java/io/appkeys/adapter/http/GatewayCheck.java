package io.appkeys.adapter.http;

import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * The gateway's common case, answered before routing: a {@code GET /api/authz/check} whose pair core can
 * confirm without blocking (from its credential cache) and whose resource it grants gets its 200 here. This
 * skips Micronaut's asynchronous filter chain and argument binding, which measured about a sixth of the
 * request's cost on the path gateways call most. Anything else (a rejection, a throttle, a miss that needs
 * the store, a denial, an {@code an} parameter, a malformed resource, another method than GET) continues to the
 * {@link AuthenticationFilter} and {@link AuthzController}, which give every other answer.
 */
@ServerFilter(value = AuthzController.CHECK_PATH, methods = HttpMethod.GET)
final class GatewayCheck implements Ordered {

    private final AuthenticateUseCase authentication;
    private final AuthorizeUseCase authorization;
    private final ClientAddress clients;

    GatewayCheck(AuthenticateUseCase authentication, AuthorizeUseCase authorization, ClientAddress clients) {
        this.authentication = authentication;
        this.authorization = authorization;
        this.clients = clients;
    }

    /** The 200 when the pair is in core's cache and grants the resource; null to let the request go on. */
    @RequestFilter
    @Nullable
    HttpResponse<?> answer(HttpRequest<?> request) {
        String resource = request.getParameters().get(AuthzController.RESOURCE);
        if (!ResourceName.isWellFormed(resource) || request.getParameters().contains(VtexHeaders.ACCOUNT_PARAMETER)) {
            return null;
        }
        Optional<AuthenticationResult> quick = authentication.authenticateWithoutBlocking(
                request.getHeaders().get(VtexHeaders.APP_KEY),
                request.getHeaders().get(VtexHeaders.APP_TOKEN),
                clients.source(request));
        if (quick.isEmpty() || !(quick.get() instanceof AuthenticationResult.Authenticated authenticated)) {
            return null;
        }
        Principal principal = authenticated.principal();
        return authorization.authorize(principal, new ResourceName(resource)).allowed()
                ? AuthzController.allowed(principal)
                : null;
    }

    @Override
    public int getOrder() {
        return AccessLog.ORDER + 1;
    }
}
