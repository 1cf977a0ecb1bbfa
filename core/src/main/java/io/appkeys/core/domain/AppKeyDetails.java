package io.appkeys.core.domain;

import java.util.List;
import java.util.Objects;

/** One key with its token status and its roles, for a detailed view; still no token. */
public record AppKeyDetails(AppKey key, TokenStatus tokens, List<Role> roles) {

    public AppKeyDetails {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tokens, "tokens");
        roles = List.copyOf(roles);
    }
}
