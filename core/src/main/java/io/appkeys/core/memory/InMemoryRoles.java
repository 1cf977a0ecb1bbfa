package io.appkeys.core.memory;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.NewRole;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.PrincipalId;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleWithProducts;
import io.appkeys.core.port.out.RoleStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Roles and their links in memory; ids count up from 1 across accounts, as a sequence would. */
final class InMemoryRoles implements RoleStore {

    private final MemoryTransactions memory;
    private final InMemoryResources resources;
    private final Map<Integer, Role> roles = new TreeMap<>();
    private final Map<PrincipalId, Set<RoleId>> links = new HashMap<>();
    private int lastId;

    InMemoryRoles(MemoryTransactions memory, InMemoryResources resources) {
        this.memory = memory;
        this.resources = resources;
    }

    @Override
    public Role create(NewRole role) {
        return memory.locked(() -> {
            if (roles.values().stream()
                    .anyMatch(
                            r -> r.account().equals(role.account()) && r.name().equals(role.name()))) {
                throw new ConflictException("account " + role.account() + " already has a role " + role.name());
            }
            Role created =
                    new Role(new RoleId(++lastId), role.account(), role.name(), role.resources(), role.predefined());
            roles.put(created.id().value(), created);
            memory.onRollback(() -> roles.remove(created.id().value()));
            return created;
        });
    }

    @Override
    public Optional<Role> find(AccountName account, RoleId id) {
        return memory.locked(() -> Optional.ofNullable(roles.get(id.value()))
                .filter(role -> role.account().equals(account)));
    }

    @Override
    public List<Role> list(AccountName account) {
        return memory.locked(() ->
                roles.values().stream().filter(r -> r.account().equals(account)).toList());
    }

    @Override
    public List<RoleWithProducts> listWithProducts(AccountName account) {
        return memory.locked(() -> list(account).stream()
                .map(role -> RoleWithProducts.of(
                        role,
                        role.resources().stream()
                                .map(name -> resources.find(account, name))
                                .flatMap(Optional::stream)
                                .map(Resource::product)
                                .collect(Collectors.toSet())))
                .toList());
    }

    @Override
    public boolean link(AccountName account, PrincipalId principal, RoleId role) {
        return memory.locked(() -> {
            if (find(account, role).isEmpty()) {
                throw new NotFoundException("role " + role + " not found in account " + account);
            }
            if (!links.computeIfAbsent(principal, p -> new HashSet<>()).add(role)) {
                return false;
            }
            memory.onRollback(() -> links.get(principal).remove(role));
            return true;
        });
    }

    @Override
    public boolean unlink(AccountName account, PrincipalId principal, RoleId role) {
        return memory.locked(() -> {
            if (find(account, role).isEmpty()) {
                return false;
            }
            Set<RoleId> linked = links.get(principal);
            if (linked == null || !linked.remove(role)) {
                return false;
            }
            memory.onRollback(() -> links.get(principal).add(role));
            return true;
        });
    }

    @Override
    public void unlinkAll(AccountName account, PrincipalId principal) {
        memory.locked(() -> {
            Set<RoleId> removed = links.remove(principal);
            if (removed != null) {
                memory.onRollback(() -> links.put(principal, removed));
            }
            return null;
        });
    }

    @Override
    public List<Role> rolesOf(AccountName account, PrincipalId principal) {
        return memory.locked(() -> links.getOrDefault(principal, Set.of()).stream()
                .map(id -> roles.get(id.value()))
                .filter(role -> role != null && role.account().equals(account))
                .sorted((a, b) -> Integer.compare(a.id().value(), b.id().value()))
                .toList());
    }

    @Override
    public Map<PrincipalId, Set<RoleId>> linksOf(AccountName account, Collection<? extends PrincipalId> principals) {
        return memory.locked(() -> {
            Map<PrincipalId, Set<RoleId>> found = new HashMap<>();
            for (PrincipalId principal : principals) {
                Set<RoleId> ids = links.getOrDefault(principal, Set.of()).stream()
                        .filter(id -> roles.containsKey(id.value())
                                && roles.get(id.value()).account().equals(account))
                        .collect(Collectors.toSet());
                if (!ids.isEmpty()) {
                    found.put(principal, ids);
                }
            }
            return found;
        });
    }
}
