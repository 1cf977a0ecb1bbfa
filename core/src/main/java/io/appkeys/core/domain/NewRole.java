package io.appkeys.core.domain;

import java.util.Objects;
import java.util.Set;

/** A role about to be stored; the store gives it its id. */
public record NewRole(AccountName account, RoleName name, Set<ResourceName> resources, boolean predefined) {

    public NewRole {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        resources = Set.copyOf(resources);
    }
}
