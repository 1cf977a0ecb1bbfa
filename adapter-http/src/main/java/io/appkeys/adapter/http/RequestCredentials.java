package io.appkeys.adapter.http;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.port.in.Attempt;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The one place that reads a request's credentials: VTEX's key pair headers or, when there is no appKey header,
 * a signed token in VTEX's {@code VtexIdclientAutCookie} header or cookie (header first), presented to core
 * once per request (the attempt travels on the request from the gateway check to the filter); and VTEX's
 * {@code ?an=} rule, that a caller acts on its own account only.
 */
@Singleton
final class RequestCredentials {

    static final String APP_KEY = "X-VTEX-API-AppKey";
    static final String APP_TOKEN = "X-VTEX-API-AppToken";
    /** VTEX ID's signed token, as a header or as a cookie of this name. */
    static final String SIGNED_TOKEN = "VtexIdclientAutCookie";
    /** VTEX's account query parameter; when given it must name the caller's account. */
    static final String ACCOUNT_PARAMETER = "an";

    private static final String ATTEMPT = "appkeys.attempt";

    private final AuthenticateUseCase authentication;
    private final ClientAddress clients;

    RequestCredentials(AuthenticateUseCase authentication, ClientAddress clients) {
        this.authentication = authentication;
        this.clients = clients;
    }

    /** The request's key pair as core read it; read on the first call, kept on the request for the others. */
    Attempt attempt(HttpRequest<?> request) {
        Optional<Attempt> read = request.getAttribute(ATTEMPT, Attempt.class);
        if (read.isPresent()) {
            return read.get();
        }
        Attempt attempt = read(request);
        handOn(request, attempt);
        return attempt;
    }

    /** Reads the request's credentials afresh, for a caller that may answer the request itself. */
    Attempt read(HttpRequest<?> request) {
        Optional<IpAddress> from = clients.address(request);
        String source = ClientAddress.source(from);
        String appKey = request.getHeaders().get(APP_KEY);
        if (appKey == null) {
            String token = request.getHeaders().get(SIGNED_TOKEN);
            if (token == null) {
                token = request.getCookies()
                        .findCookie(SIGNED_TOKEN)
                        .map(Cookie::getValue)
                        .orElse(null);
            }
            if (token != null) {
                return authentication.attemptToken(token, source, from);
            }
        }
        return authentication.attempt(appKey, request.getHeaders().get(APP_TOKEN), source, from);
    }

    /** Keeps what {@link #read} gave on the request, for {@link #attempt} to return to the filters after. */
    static void handOn(HttpRequest<?> request, Attempt attempt) {
        request.setAttribute(ATTEMPT, attempt);
    }

    /** Whether the request may act on {@code account}: it names no other with {@code ?an=}. */
    static boolean mayActOn(HttpRequest<?> request, AccountName account) {
        return request.getParameters()
                .getFirst(ACCOUNT_PARAMETER)
                .map(named -> named.equals(account.value()))
                .orElse(true);
    }

    /** The account {@code ?an=} names, if any. @throws io.appkeys.core.domain.InvalidInputException if malformed */
    static Optional<AccountName> namedAccount(HttpRequest<?> request) {
        return request.getParameters().getFirst(ACCOUNT_PARAMETER).map(AccountName::new);
    }
}
