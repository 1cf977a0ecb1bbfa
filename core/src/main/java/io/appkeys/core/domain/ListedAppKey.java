package io.appkeys.core.domain;

import java.util.Objects;

/** A key in a list: the key and where its tokens stand, never a token. */
public record ListedAppKey(AppKey key, TokenStatus tokens) {

    public ListedAppKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tokens, "tokens");
    }
}
