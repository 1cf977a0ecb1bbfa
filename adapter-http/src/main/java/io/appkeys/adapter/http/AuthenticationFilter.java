package io.appkeys.adapter.http;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * Authenticates every {@code /api} request from its VTEX headers through core, and hands the caller to the
 * controllers as the request attribute {@link #CALLER}. What core can decide without I/O (a pair in its
 * credential cache, a malformed value, a throttled appKey) is decided inline on the event loop, in
 * microseconds; a check that needs the store and Argon2 moves to the blocking executor, where core lets
 * concurrent checks of one pair share a single check.
 *
 * <p>A throttled appKey's 429 is sent after a pause ({@link #THROTTLED_PAUSE}), held by a timer rather than a
 * thread: a client that ignores {@code Retry-After} and floods wrong tokens is slowed to one request per pause
 * and connection, instead of taking the CPU that valid callers need.
 */
@ServerFilter("/api/**")
final class AuthenticationFilter implements Ordered {

    static final String CALLER = "appkeys.caller";
    static final Duration THROTTLED_PAUSE = Duration.ofSeconds(1);

    private final AuthenticateUseCase authentication;
    private final ExecutorService blocking;
    private final TaskScheduler timer;

    AuthenticationFilter(AuthenticateUseCase authentication,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking, TaskScheduler timer) {
        this.authentication = authentication;
        this.blocking = blocking;
        this.timer = timer;
    }

    /** Completes with the request itself to go on; a refusal completes exceptionally, for the handlers. */
    @RequestFilter
    CompletionStage<HttpRequest<?>> authenticate(HttpRequest<?> request) {
        String appKey = request.getHeaders().get(VtexHeaders.APP_KEY);
        String appToken = request.getHeaders().get(VtexHeaders.APP_TOKEN);
        Optional<AuthenticationResult> quick = authentication.authenticateWithoutBlocking(appKey, appToken);
        if (quick.isPresent() && quick.get() instanceof AuthenticationResult.Throttled) {
            return refuseAfterPause(quick.get());
        }
        if (quick.isPresent()) {
            accept(request, quick.get());
            return CompletableFuture.completedFuture(request);
        }
        return CompletableFuture.supplyAsync(() -> authentication.authenticate(appKey, appToken), blocking)
                .thenApply(result -> {
                    accept(request, result);
                    return request;
                });
    }

    private CompletionStage<HttpRequest<?>> refuseAfterPause(AuthenticationResult throttled) {
        CompletableFuture<HttpRequest<?>> refusal = new CompletableFuture<>();
        NotAuthenticatedException refused = new NotAuthenticatedException(throttled);
        timer.schedule(THROTTLED_PAUSE, () -> refusal.completeExceptionally(refused));
        return refusal;
    }

    private static void accept(HttpRequest<?> request, AuthenticationResult result) {
        if (!(result instanceof AuthenticationResult.Authenticated authenticated)) {
            throw new NotAuthenticatedException(result);
        }
        Caller caller = new Caller(authenticated.principal(), origin(request));
        requireOwnAccount(request, caller.account());
        request.setAttribute(CALLER, caller);
    }

    /** VTEX's {@code ?an=}: a caller acts on its own account only. */
    private static void requireOwnAccount(HttpRequest<?> request, AccountName account) {
        Optional<String> named = request.getParameters().getFirst(VtexHeaders.ACCOUNT_PARAMETER);
        if (named.isPresent() && !named.get().equals(account.value())) {
            throw new ForbiddenException("the credentials belong to account " + account
                    + ", not to the account named by the an parameter");
        }
    }

    private static String origin(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    @Override
    public int getOrder() {
        return AccessLog.ORDER + 2;
    }
}
