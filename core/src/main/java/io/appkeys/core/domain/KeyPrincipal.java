package io.appkeys.core.domain;

import java.util.Objects;
import java.util.Set;

/** An app key acting on its account, authenticated by its token. */
public record KeyPrincipal(AppKeyId id, AccountName account, AppKeyName appKey, Set<ResourceName> resources)
        implements Principal {

    public KeyPrincipal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(appKey, "appKey");
        resources = Set.copyOf(resources);
    }

    @Override
    public String describe() {
        return "appkey:" + appKey;
    }
}
