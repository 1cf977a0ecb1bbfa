package io.appkeys.adapter.http;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.port.in.ActInAccountUseCase;
import io.appkeys.core.port.in.Attempt;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * Authenticates every {@code /api} request from its VTEX headers through core, and hands the caller to the
 * controllers as the request attribute {@link #CALLER}. What core can decide without I/O (a pair in its
 * credential cache, a malformed value, a throttled source) is decided inline on the event loop, in
 * microseconds; a check that needs the store and Argon2 moves to the blocking executor, where core lets
 * concurrent checks of one pair share a single check.
 *
 * <p>Refusals are sent when core says, held by a timer rather than a thread: a 401 at the same time after its
 * check began whatever its cause (an unknown key costs no hashing, a wrong token does), and a throttled
 * source's 429 after a pause ({@link #THROTTLED_PAUSE}), so a client that ignores {@code Retry-After} and
 * floods wrong tokens is slowed to one request per pause and connection.
 */
@ServerFilter("/api/**")
final class AuthenticationFilter implements Ordered {

    static final String CALLER = "appkeys.caller";
    static final Duration THROTTLED_PAUSE = Duration.ofSeconds(1);

    private final AuthenticateUseCase authentication;
    private final ActInAccountUseCase acting;
    private final RequestCredentials credentials;
    private final ClientAddress clients;
    private final ExecutorService blocking;
    private final RefusalTimer timer;

    AuthenticationFilter(
            AuthenticateUseCase authentication,
            ActInAccountUseCase acting,
            RequestCredentials credentials,
            ClientAddress clients,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            RefusalTimer timer) {
        this.authentication = authentication;
        this.acting = acting;
        this.credentials = credentials;
        this.clients = clients;
        this.blocking = blocking;
        this.timer = timer;
    }

    /** Completes with the request itself to go on; a refusal completes exceptionally, for the handlers. */
    @RequestFilter
    CompletionStage<HttpRequest<?>> authenticate(HttpRequest<?> request) {
        if (RouteAttributes.getRouteMatch(request).isEmpty()) {
            // no endpoint serves this path and method: its 404 or 405 needs no credentials, and gets none checked
            return CompletableFuture.completedFuture(request);
        }
        if (VtexIdController.CREDENTIALS_IN_BODY.contains(request.getPath())) {
            return CompletableFuture.completedFuture(request); // VTEX ID's login and validate check their body's
        }
        Attempt attempt = credentials.attempt(request);
        Optional<AuthenticationResult> quick = authentication.authenticateWithoutBlocking(attempt);
        if (quick.isPresent()) {
            return decide(request, quick.get());
        }
        return CompletableFuture.supplyAsync(() -> authentication.authenticate(attempt), blocking)
                .thenCompose(result -> decide(request, result));
    }

    private CompletionStage<HttpRequest<?>> decide(HttpRequest<?> request, AuthenticationResult result) {
        if (result instanceof AuthenticationResult.Authenticated authenticated) {
            Principal principal = authenticated.principal();
            if (RequestCredentials.mayActOn(request, principal.account())) {
                return CompletableFuture.completedFuture(withCaller(request, principal));
            }
            // ?an= names another account: a key may act there with the roles that account granted it
            AccountName named = RequestCredentials.namedAccount(request).orElseThrow();
            if (!(principal instanceof KeyPrincipal key)) {
                throw notIn(principal, named);
            }
            return CompletableFuture.supplyAsync(() -> acting.actIn(key, named), blocking)
                    .thenApply(external -> withCaller(request, external.orElseThrow(() -> notIn(principal, named))));
        }
        return refuseAfter(hold(result), new NotAuthenticatedException(result));
    }

    private HttpRequest<?> withCaller(HttpRequest<?> request, Principal principal) {
        request.setAttribute(CALLER, new Caller(principal, clients.of(request)));
        return request;
    }

    private static ForbiddenException notIn(Principal principal, AccountName named) {
        return new ForbiddenException("the credentials belong to account " + principal.account() + ", and account "
                + named + " named by the an parameter granted them nothing");
    }

    /** How long a refusal waits before it is answered: a rejection until its refusal time, a throttle a pause. */
    static Duration hold(AuthenticationResult result) {
        if (result instanceof AuthenticationResult.Rejected rejected) {
            return rejected.holdFor();
        }
        return result instanceof AuthenticationResult.Throttled ? THROTTLED_PAUSE : Duration.ZERO;
    }

    private CompletionStage<HttpRequest<?>> refuseAfter(Duration pause, NotAuthenticatedException refused) {
        return timer.after(pause, () -> {
            throw refused;
        });
    }

    @Override
    public int getOrder() {
        return FilterOrder.AUTHENTICATION;
    }
}
