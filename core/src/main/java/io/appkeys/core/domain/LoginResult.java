package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;

/** The outcome of exchanging a key pair for a signed token. */
public sealed interface LoginResult {

    /** The pair was valid: the signed token, shown this once, when it expires, and the key it stands for. */
    record LoggedIn(SignedToken token, Instant expiresAt, KeyPrincipal principal) implements LoginResult {
        public LoggedIn {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * The pair was refused, exactly as an authentication with it would be ({@link AuthenticationResult.Rejected}
     * to be held, {@link AuthenticationResult.Throttled}, {@link AuthenticationResult.Overloaded}).
     */
    record Refused(AuthenticationResult result) implements LoginResult {
        public Refused {
            Objects.requireNonNull(result, "result");
            if (result instanceof AuthenticationResult.Authenticated) {
                throw new IllegalArgumentException("an authenticated pair is not refused");
            }
        }
    }
}
