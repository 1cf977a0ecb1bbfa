package io.appkeys.core.domain;

import java.util.Objects;

/** A new key and its token: the only time the token is shown. */
public record CreatedAppKey(AppKey key, AppToken token) {

    public CreatedAppKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(token, "token");
    }
}
