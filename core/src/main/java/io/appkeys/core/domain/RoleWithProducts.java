package io.appkeys.core.domain;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** A role and the products its resources belong to, as VTEX's roles list shows them. */
public record RoleWithProducts(Role role, SortedSet<String> products) {

    public RoleWithProducts {
        Objects.requireNonNull(role, "role");
        products = new TreeSet<>(products);
    }

    public static RoleWithProducts of(Role role, Set<String> products) {
        return new RoleWithProducts(role, new TreeSet<>(products));
    }

    @Override
    public SortedSet<String> products() {
        return new TreeSet<>(products);
    }
}
