package io.appkeys.core.service;

import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.NewRole;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleName;
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
import java.util.List;
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
                ListPrincipalRolesUseCase {

    private final Storage storage;
    private final Lookup lookup;
    private final CredentialCache cache;
    private final Clock clock;

    public AccessService(Storage storage, CredentialCache cache, Clock clock) {
        this.storage = storage;
        this.lookup = new Lookup(storage);
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public Resource defineResource(Caller caller, Resource resource) {
        Guard.require(caller, AccessPolicy::mayManageAccess, "define resources");
        Instant now = Moments.now(clock);
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
        Guard.require(caller, AccessPolicy::mayManageAccess, "view resources");
        return storage.resources().list(caller.account());
    }

    @Override
    public Role createRole(Caller caller, RoleName name, Set<ResourceName> resources) {
        Guard.require(caller, AccessPolicy::mayManageAccess, "create roles");
        Instant now = Moments.now(clock);
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
        Guard.require(caller, AccessPolicy::mayManageAccess, "view roles");
        return storage.roles().list(caller.account());
    }

    @Override
    public void linkRoles(Caller caller, PrincipalRef ref, Set<RoleId> roles) {
        Guard.require(caller, AccessPolicy::mayManageAccess, "link roles");
        Instant now = Moments.now(clock);
        Lookup.Named principal = storage.transactions().inTransaction(() -> {
            Lookup.Named target = lookup.principal(caller.account(), ref);
            List<Role> found = roles.stream()
                    .sorted(Comparator.comparingInt(RoleId::value))
                    .map(id -> lookup.role(caller.account(), id))
                    .toList();
            for (Role role : found) {
                if (storage.roles().link(caller.account(), target.id(), role.id())) {
                    storage.audit()
                            .append(AuditEvent.by(
                                    caller, now, AuditAction.ROLE_LINKED, target.label() + " role:" + role.id()));
                }
            }
            return target;
        });
        principal.key().ifPresent(key -> cache.evict(key.appKey()));
    }

    @Override
    public void unlinkRole(Caller caller, PrincipalRef ref, RoleId roleId) {
        Guard.require(caller, AccessPolicy::mayManageAccess, "unlink roles");
        Instant now = Moments.now(clock);
        Lookup.Named principal = storage.transactions().inTransaction(() -> {
            Lookup.Named target = lookup.principal(caller.account(), ref);
            Role role = lookup.role(caller.account(), roleId);
            if (storage.roles().unlink(caller.account(), target.id(), role.id())) {
                storage.audit()
                        .append(AuditEvent.by(
                                caller, now, AuditAction.ROLE_UNLINKED, target.label() + " role:" + role.id()));
            }
            return target;
        });
        principal.key().ifPresent(key -> cache.evict(key.appKey()));
    }

    @Override
    public List<Role> rolesOf(Caller caller, PrincipalRef ref) {
        Guard.require(caller, AccessPolicy::mayManageAccess, "view role links");
        return storage.roles()
                .rolesOf(
                        caller.account(),
                        lookup.principal(caller.account(), ref).id());
    }
}
