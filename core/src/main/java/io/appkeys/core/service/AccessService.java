package io.appkeys.core.service;

import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Change;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.NewRole;
import io.appkeys.core.domain.PrincipalId;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleLinks;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.domain.RoleWithProducts;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.in.ActInAccountUseCase;
import io.appkeys.core.port.in.CreateRoleUseCase;
import io.appkeys.core.port.in.DefineResourceUseCase;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.ListPrincipalRolesUseCase;
import io.appkeys.core.port.in.ListResourcesUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.appkeys.core.port.in.UnlinkRoleUseCase;
import io.appkeys.core.port.out.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resources, roles, and the links between roles and principals; managing them needs {@code Save_User} or the
 * master user. A link change reaches the credential cache at once, so it holds from the next request on.
 */
public final class AccessService
        implements DefineResourceUseCase,
                ListResourcesUseCase,
                CreateRoleUseCase,
                ListRolesUseCase,
                LinkRolesUseCase,
                UnlinkRoleUseCase,
                ListPrincipalRolesUseCase,
                ActInAccountUseCase {

    private final Storage storage;
    private final AccountScope scope;
    private final ChangeListener changes;
    private final Clock clock;

    public AccessService(Storage storage, ChangeListener changes, Clock clock) {
        this.storage = storage;
        this.scope = new AccountScope(storage);
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Resource defineResource(Caller caller, Resource resource) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "define resources");
        Instant now = clock.instant();
        return storage.transactions().inTransaction(() -> {
            storage.resources().insert(caller.account(), resource);
            storage.audit()
                    .append(AuditEvent.by(
                            caller,
                            now,
                            AuditAction.RESOURCE_DEFINED,
                            "resource:" + resource.name() + " product:" + resource.product()));
            return resource;
        });
    }

    @Override
    public List<Resource> listResources(Caller caller) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "view resources");
        return storage.resources().list(caller.account());
    }

    @Override
    public Role createRole(Caller caller, RoleName name, Set<ResourceName> resources) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "create roles");
        Instant now = clock.instant();
        return storage.transactions().inTransaction(() -> {
            for (ResourceName resource : resources.stream()
                    .sorted(Comparator.comparing(ResourceName::value))
                    .toList()) {
                if (storage.resources().find(caller.account(), resource).isEmpty()) {
                    throw new InvalidInputException(
                            "resource " + resource + " does not exist in account " + caller.account());
                }
            }
            Role role = storage.roles().create(new NewRole(caller.account(), name, resources, false));
            storage.audit()
                    .append(AuditEvent.by(
                            caller, now, AuditAction.ROLE_CREATED, "role:" + role.id() + " name:" + role.name()));
            return role;
        });
    }

    @Override
    public List<Role> listRoles(Caller caller) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "view roles");
        return storage.roles().list(caller.account());
    }

    @Override
    public List<RoleWithProducts> listRolesWithProducts(Caller caller) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "view roles");
        return storage.roles().listWithProducts(caller.account());
    }

    @Override
    public RoleLinks linkRoles(Caller caller, PrincipalRef ref, Set<RoleId> roles) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "link roles");
        return changeLinks(
                caller,
                ref,
                roles,
                AuditAction.ROLE_LINKED,
                (target, role) -> storage.roles().link(caller.account(), target, role));
    }

    @Override
    public RoleLinks unlinkRole(Caller caller, PrincipalRef ref, RoleId role) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "unlink roles");
        return changeLinks(
                caller,
                ref,
                Set.of(role),
                AuditAction.ROLE_UNLINKED,
                (target, id) -> storage.roles().unlink(caller.account(), target, id));
    }

    @Override
    public List<Role> rolesOf(Caller caller, PrincipalRef ref) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "view role links");
        return storage.roles()
                .rolesOf(caller.account(), scope.grantee(caller.account(), ref).id());
    }

    @Override
    public Optional<KeyPrincipal> actIn(KeyPrincipal key, AccountName account) {
        if (key.account().equals(account)) {
            return Optional.of(key);
        }
        List<Role> granted = storage.roles().rolesOf(account, key.id());
        if (granted.isEmpty()) {
            return Optional.empty();
        }
        Set<ResourceName> resources = new HashSet<>();
        granted.forEach(role -> resources.addAll(role.resources()));
        // its metadata is what its own account says of it: not the granting account's to read
        return Optional.of(new KeyPrincipal(key.id(), account, key.appKey(), resources, Optional.empty()));
    }

    /**
     * Links or unlinks the named roles in one transaction, auditing each link that changed, and evicts the key
     * when the principal is one. An unknown role changes nothing.
     */
    private RoleLinks changeLinks(
            Caller caller, PrincipalRef ref, Set<RoleId> roles, AuditAction action, LinkChange change) {
        Instant now = clock.instant();
        Changed changed = storage.transactions().inTransaction(() -> {
            AccountScope.Named target = scope.grantee(caller.account(), ref);
            List<Role> named = roles.stream()
                    .sorted(Comparator.comparingInt(RoleId::value))
                    .map(id -> scope.role(caller.account(), id))
                    .toList();
            Set<RoleId> done = new HashSet<>();
            for (Role role : named) {
                if (change.apply(target.id(), role.id())) {
                    done.add(role.id());
                    storage.audit().append(AuditEvent.by(caller, now, action, target.label() + " role:" + role.id()));
                }
            }
            List<Role> held = storage.roles().rolesOf(caller.account(), target.id());
            if (!done.isEmpty()) {
                changes.record(changeOf(caller.account(), target), now);
            }
            return new Changed(target, new RoleLinks(named, done, held));
        });
        if (!changed.links().changed().isEmpty()) {
            changes.committed(changeOf(caller.account(), changed.target()));
        }
        return changed.links();
    }

    /** The change to a principal: to its key, or to its user. */
    private static Change changeOf(AccountName account, AccountScope.Named principal) {
        return principal
                .key()
                .map(key -> Change.of(key.appKey()))
                .orElseGet(() -> Change.of(account, (UserId) principal.id()));
    }

    /** Links or unlinks one role of a principal; says whether the link changed. */
    @FunctionalInterface
    private interface LinkChange {
        boolean apply(PrincipalId principal, RoleId role);
    }

    private record Changed(AccountScope.Named target, RoleLinks links) {}
}
