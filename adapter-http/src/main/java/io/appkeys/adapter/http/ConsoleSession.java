package io.appkeys.adapter.http;

import io.appkeys.adapter.http.console.Page;
import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.port.in.Attempt;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The admin console's session: a signed token (VTEX ID's, from core's login) in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie scoped to {@code /admin}, {@code Secure} when the client came over TLS. Nothing
 * else is kept: each request is authenticated from the token as the API authenticates one, so the session ends
 * when the token expires, or when its key is deactivated, deleted or its token renewed away. The key pair itself is
 * read once, at sign-in, and never stored.
 *
 * <p>Every change carries a CSRF token bound to the session: a digest of the session's token, which a page of
 * another site cannot compute, since it cannot read the cookie. {@code SameSite=Strict} keeps the cookie off
 * other sites' requests too; the token is the second line.
 */
@Singleton
final class ConsoleSession {

    static final String COOKIE = "appkeys_console";
    static final String PATH = "/admin";
    /** The form field (or, from scripts, the header {@value #CSRF_HEADER}) that carries the CSRF token. */
    static final String CSRF_FIELD = "csrf";

    static final String CSRF_HEADER = "X-CSRF-Token";

    private final AuthenticateUseCase authentication;
    private final ClientAddress clients;

    ConsoleSession(AuthenticateUseCase authentication, ClientAddress clients) {
        this.authentication = authentication;
        this.clients = clients;
    }

    /** Who is signed in, decided on a thread that may block; empty when no valid session cookie came. */
    Optional<Signed> signedIn(HttpRequest<?> request) {
        Optional<String> token = token(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<IpAddress> from = clients.address(request);
        Attempt attempt = authentication.attemptToken(token.get(), ClientAddress.source(from), from);
        if (authentication.authenticate(attempt) instanceof AuthenticationResult.Authenticated authenticated) {
            Caller caller = new Caller(authenticated.principal(), clients.of(request));
            return Optional.of(new Signed(caller, csrfOf(token.get())));
        }
        return Optional.empty();
    }

    /**
     * Whether the request carries a session cookie, whatever its token is worth now, and {@code submitted} is that
     * session's CSRF token. Signing out asks no more: it only clears the cookie, so it needs neither the store nor a
     * session that is still valid.
     */
    static boolean sentWithCookie(HttpRequest<?> request, String submitted) {
        return token(request).map(token -> matches(csrfOf(token), submitted)).orElse(false);
    }

    /** Whether the request carries a session cookie at all. */
    static boolean hasCookie(HttpRequest<?> request) {
        return token(request).isPresent();
    }

    private static Optional<String> token(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    /** Whether {@code submitted} is the CSRF token {@code csrf}, compared in constant time. */
    private static boolean matches(String csrf, String submitted) {
        return submitted != null
                && MessageDigest.isEqual(
                        csrf.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** The session cookie for a token that expires at {@code expiresAt}. */
    Cookie cookie(HttpRequest<?> request, String token, Instant expiresAt, Instant now) {
        return Cookie.of(COOKIE, token)
                .path(PATH)
                .httpOnly(true)
                .secure(clients.overTls(request))
                .sameSite(SameSite.Strict)
                .maxAge(Duration.between(now, expiresAt).toSeconds());
    }

    /** The cookie that ends the session in the browser. */
    Cookie cleared(HttpRequest<?> request) {
        return Cookie.of(COOKIE, "")
                .path(PATH)
                .httpOnly(true)
                .secure(clients.overTls(request))
                .sameSite(SameSite.Strict)
                .maxAge(0);
    }

    /** The CSRF token of the session whose signed token is {@code token}. */
    static String csrfOf(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("appkeys console csrf\n".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha256.digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A signed-in caller, and the CSRF token its changes must carry. */
    record Signed(Caller caller, String csrf) {

        /** Whether {@code submitted} is this session's CSRF token, compared in constant time. */
        boolean sent(String submitted) {
            return matches(csrf, submitted);
        }

        Principal principal() {
            return caller.principal();
        }

        /** What every page's frame shows of the session: who, and which parts of the console it may open. */
        Page page(String title) {
            Principal principal = principal();
            String who = principal instanceof KeyPrincipal key
                    ? key.appKey().value()
                    : principal.id().toString();
            return new Page(
                    title,
                    Optional.of(new Page.Session(
                            principal.account().value(),
                            who,
                            csrf,
                            AccessPolicy.mayViewKeys(principal),
                            AccessPolicy.mayEditKeys(principal),
                            AccessPolicy.mayManageAccess(principal),
                            AccessPolicy.mayReadAudit(principal))));
        }

        @Override
        public String toString() {
            return "Signed[" + caller + ", csrf=***]";
        }
    }
}
