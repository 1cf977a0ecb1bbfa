package io.appkeys.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a change of a principal's role links did: the roles the request named, those whose link it changed
 * (linked or unlinked), and the roles the principal holds afterwards.
 */
public record RoleLinks(List<Role> named, Set<RoleId> changed, List<Role> held) {

    public RoleLinks {
        named = List.copyOf(named);
        changed = Set.copyOf(changed);
        held = List.copyOf(held);
    }

    /** Whether the request changed the link of {@code role}. */
    public boolean changed(Role role) {
        return changed.contains(Objects.requireNonNull(role, "role").id());
    }
}
