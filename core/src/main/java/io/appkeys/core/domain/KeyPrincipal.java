package io.appkeys.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An app key acting on its account, authenticated by its token, with the resources its roles grant and the
 * metadata its account gave it.
 */
public record KeyPrincipal(
        AppKeyId id,
        AccountName account,
        AppKeyName appKey,
        Set<ResourceName> resources,
        Optional<KeyMetadata> metadata)
        implements Principal {

    public KeyPrincipal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(metadata, "metadata");
        resources = Set.copyOf(resources);
    }

    /** A key without metadata. */
    public KeyPrincipal(AppKeyId id, AccountName account, AppKeyName appKey, Set<ResourceName> resources) {
        this(id, account, appKey, resources, Optional.empty());
    }

    @Override
    public String describe() {
        return "appkey:" + appKey;
    }
}
