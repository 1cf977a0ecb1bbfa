package io.appkeys.adapter.http;

import io.appkeys.adapter.http.console.Page;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.LoginResult;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.port.in.Attempt;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The admin console's entry: {@code /admin} itself, signing in with a key pair (exchanged at once for a signed
 * token in the session cookie, see {@link ConsoleSession}) and signing out. A refused sign-in is answered when an
 * API request with the same pair would be, so the page's timing tells no more than the API's.
 */
@Controller(ConsoleSession.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class ConsoleController {

    private static final String WRONG = "That app key and app token do not sign in: the pair is wrong, or the key is"
            + " inactive, expired or not allowed from this address.";
    private static final String BUSY = "The server is too busy to check the pair just now. Try again in a few seconds.";
    private static final String THROTTLED =
            "Too many failed sign-ins with this app key from this address. Wait a minute, then try again.";

    private final ConsoleSession sessions;
    private final AuthenticateUseCase authentication;
    private final LoginUseCase login;
    private final ClientAddress clients;
    private final RefusalTimer timer;

    ConsoleController(
            ConsoleSession sessions,
            AuthenticateUseCase authentication,
            LoginUseCase login,
            ClientAddress clients,
            RefusalTimer timer) {
        this.sessions = sessions;
        this.authentication = authentication;
        this.login = login;
        this.clients = clients;
        this.timer = timer;
    }

    /** The keys for a browser with a session cookie (whose page checks it), else the sign-in page. */
    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> home(HttpRequest<?> request) {
        return Console.seeOther(ConsoleSession.hasCookie(request) ? ConsoleKeysController.KEYS : Console.SIGN_IN);
    }

    /** The sign-in form; the keys for a valid session. While the store is down, the form (signing in says why). */
    @Get(value = "/sign-in", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> signInPage(HttpRequest<?> request) {
        try {
            if (sessions.signedIn(request).isPresent()) {
                return Console.seeOther(ConsoleKeysController.KEYS);
            }
        } catch (StoreUnavailableException e) {
            // no session to go on with now; the form is all there is
        }
        return signIn(HttpStatus.OK, Optional.empty());
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    CompletionStage<MutableHttpResponse<?>> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        Optional<IpAddress> from = clients.address(request);
        Attempt attempt =
                authentication.attempt(form.get("appKey"), form.get("appToken"), ClientAddress.source(from), from);
        LoginResult result;
        try {
            result = login.login(attempt);
        } catch (StoreUnavailableException e) {
            return CompletableFuture.completedFuture(Console.storeUnavailable(Page.signedOut("Sign in"), e));
        }
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            MutableHttpResponse<?> keys = Console.seeOther(ConsoleKeysController.KEYS);
            keys.cookie(sessions.cookie(request, loggedIn.token().reveal(), loggedIn.expiresAt(), Instant.now()));
            return CompletableFuture.completedFuture(keys);
        }
        AuthenticationResult refused = ((LoginResult.Refused) result).result();
        if (refused instanceof AuthenticationResult.Overloaded overloaded) {
            return CompletableFuture.completedFuture(signIn(HttpStatus.SERVICE_UNAVAILABLE, Optional.of(BUSY))
                    .header(HttpHeaders.RETRY_AFTER, NotAuthenticatedHandler.seconds(overloaded.retryAfter())));
        }
        MutableHttpResponse<?> page = refused instanceof AuthenticationResult.Throttled
                ? signIn(HttpStatus.TOO_MANY_REQUESTS, Optional.of(THROTTLED))
                : signIn(HttpStatus.UNAUTHORIZED, Optional.of(WRONG));
        return timer.after(AuthenticationFilter.hold(refused), () -> page);
    }

    /** Ends the session in this browser; the signed token itself stays valid until it expires. */
    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form) {
        // Only the cookie is cleared, so only the cookie is asked for: no session check, and no store (signing out
        // works while the store is down). The form must still carry the cookie's CSRF token.
        if (ConsoleSession.hasCookie(request)
                && !ConsoleSession.sentWithCookie(request, Console.submitted(request, form))) {
            return Console.notSentHere(Page.signedOut(Console.NOT_SENT_HERE));
        }
        return Console.seeOther(Console.SIGN_IN).cookie(sessions.cleared(request));
    }

    private static MutableHttpResponse<?> signIn(HttpStatus status, Optional<String> problem) {
        return Console.render(status, "admin/sign-in", Page.signedOut("Sign in"), "problem", problem);
    }
}
