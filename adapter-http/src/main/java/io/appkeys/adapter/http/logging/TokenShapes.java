package io.appkeys.adapter.http.logging;

import io.appkeys.core.domain.AppToken;
import java.util.regex.Pattern;

/**
 * Replaces whatever is shaped like a token in text about to be logged: a run of {@value AppToken#LENGTH} or more
 * capital letters (an appToken) and anything shaped like a JWT (a signed token). AppKeys never logs a token, but
 * a client can misplace one into a path, a query or a body that a framework logger prints.
 */
final class TokenShapes {

    static final String REDACTED = "[redacted]";

    private static final Pattern APP_TOKEN = Pattern.compile("[A-Z]{" + AppToken.LENGTH + ",}");
    private static final Pattern SIGNED_TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    private TokenShapes() {}

    /** The text with every token shape replaced; {@code null} stays {@code null}. */
    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutAppTokens = APP_TOKEN.matcher(text).replaceAll(REDACTED);
        return SIGNED_TOKEN.matcher(withoutAppTokens).replaceAll(REDACTED);
    }
}
