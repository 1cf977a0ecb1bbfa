package io.appkeys.core.domain;

import java.util.Objects;
import java.util.Set;

/** An access profile: a named set of resources of one account. Predefined roles come with every account. */
public record Role(RoleId id, AccountName account, RoleName name, Set<ResourceName> resources, boolean predefined) {

    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        resources = Set.copyOf(resources);
    }
}
