package io.appkeys.adapter.http;

import io.appkeys.adapter.http.ConsoleSession.Signed;
import io.appkeys.adapter.http.console.Page;
import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.StoreUnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every console page shares: it needs a session (or goes to the sign-in page), a change needs the session's
 * CSRF token, and core's refusals become pages that say what went wrong, with the status the API would give. Pages
 * are never cached: they hold an account's data.
 */
@Singleton
final class Console {

    static final String SIGN_IN = ConsoleSession.PATH + "/sign-in";

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    private static final String STORE_UNAVAILABLE = "Store unavailable";
    static final String NOT_SENT_HERE = "Not sent by this console";

    private final ConsoleSession sessions;

    Console(ConsoleSession sessions) {
        this.sessions = sessions;
    }

    /** A page for the signed-in caller, or the way to the sign-in page. */
    MutableHttpResponse<?> page(HttpRequest<?> request, Function<Signed, MutableHttpResponse<?>> render) {
        return withSession(request, signed -> {
            if (signed.isEmpty()) {
                return seeOther(SIGN_IN);
            }
            return refusalsAsPages(signed.get(), () -> render.apply(signed.get()));
        });
    }

    /**
     * A change by the signed-in caller: refused with 403 when the form does not carry the session's CSRF token,
     * and with 401 when there is no session.
     */
    MutableHttpResponse<?> change(
            HttpRequest<?> request, Map<String, String> form, Function<Signed, MutableHttpResponse<?>> act) {
        return withSession(request, signed -> {
            if (signed.isEmpty()) {
                return error(
                        Page.signedOut("Signed out"),
                        HttpStatus.UNAUTHORIZED,
                        "Your session has ended (it expired, or its key was deactivated or deleted). Sign in again;"
                                + " the change was not made.");
            }
            if (!signed.get().sent(submitted(request, form))) {
                return notSentHere(signed.get().page(NOT_SENT_HERE));
            }
            return refusalsAsPages(signed.get(), () -> act.apply(signed.get()));
        });
    }

    /** {@code then} with the request's session, if any; the store's 503 page when checking it met an outage. */
    private MutableHttpResponse<?> withSession(
            HttpRequest<?> request, Function<Optional<Signed>, MutableHttpResponse<?>> then) {
        Optional<Signed> signed;
        try {
            signed = sessions.signedIn(request);
        } catch (StoreUnavailableException e) {
            return storeUnavailable(Page.signedOut(STORE_UNAVAILABLE), e);
        }
        return then.apply(signed);
    }

    private static MutableHttpResponse<?> refusalsAsPages(Signed signed, Supplier<MutableHttpResponse<?>> render) {
        try {
            return render.get();
        } catch (InvalidInputException e) {
            return error(signed.page("Not accepted"), HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (StoreUnavailableException e) {
            return storeUnavailable(signed.page(STORE_UNAVAILABLE), e);
        } catch (AppKeysException e) {
            HttpStatus status = CoreExceptionHandler.status(e);
            return error(
                    signed.page(status == HttpStatus.FORBIDDEN ? "Not allowed" : "Not done"), status, e.getMessage());
        }
    }

    /**
     * A page rendered from {@code view} with the frame {@code page} and the other named values. Its referrer policy
     * is {@code same-origin}, not {@code no-referrer}: under {@code no-referrer} a browser sends {@code Origin: null}
     * with the page's forms, and the server's drive-by check for servers on loopback refuses those with a bare 403,
     * so no one could sign in to a console served on 127.0.0.1. Other sites still get no referrer.
     */
    static MutableHttpResponse<?> render(HttpStatus status, String view, Page page, Object... namesAndValues) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("page", page);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            model.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return HttpResponse.status(status)
                .body(new ModelAndView<>(view, model))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    /**
     * The page for a store that cannot be reached, whether the session's own check or the page's work met it: an HTML
     * page like every other of the console, where the API answers {@code problem+json}.
     */
    static MutableHttpResponse<?> storeUnavailable(Page page, StoreUnavailableException e) {
        LOG.warn("store unavailable for a console page: {}", e.getMessage());
        return error(
                        page,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The key store cannot be reached just now; nothing was changed. Try again in a few seconds.")
                .header(HttpHeaders.RETRY_AFTER, CoreExceptionHandler.STORE_RETRY_SECONDS);
    }

    /** The CSRF token a change carries: its form's field, or from a script, the header. */
    static String submitted(HttpRequest<?> request, Map<String, String> form) {
        String field = form.get(ConsoleSession.CSRF_FIELD);
        return field != null ? field : request.getHeaders().get(ConsoleSession.CSRF_HEADER);
    }

    /** The refusal of a change that did not carry its session's CSRF token. */
    static MutableHttpResponse<?> notSentHere(Page page) {
        return error(
                page,
                HttpStatus.FORBIDDEN,
                "The change did not carry this session's form token, so it may not have come from this console."
                        + " Nothing was changed. Reload the page and try again.");
    }

    static MutableHttpResponse<?> error(Page page, HttpStatus status, String message) {
        return render(status, "admin/error", page, "status", status.getCode(), "message", message);
    }

    /** After a change, the page to show, fetched anew (so a reload does not send the form again). */
    static MutableHttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
