package io.appkeys.core.domain;

import java.time.Duration;
import java.util.Objects;

/** A renewal just started: the new token (shown this once), and the state of the key's tokens. */
public record RenewedToken(AppKey key, AppToken newToken, TokenStatus status, Duration expirationPeriod) {

    public RenewedToken {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(newToken, "newToken");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expirationPeriod, "expirationPeriod");
    }
}
