package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleLinks;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.domain.UnknownRoleException;
import io.appkeys.core.domain.User;
import io.appkeys.core.fixtures.World;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessServiceTest {

    private static final ResourceName ORDERS_READ = new ResourceName("orders.read");

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    private Role role(RoleName name) {
        return world.appKeys.listRoles(world.master).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void rolesAreLinked_byUserIdEmailKeyIdAndAppKey() {
        User ana = world.appKeys.addUser(world.master, new Email("ana@acme.com"), Optional.empty());
        User bob = world.appKeys.addUser(world.master, new Email("bob@acme.com"), Optional.empty());
        CreatedAppKey first = world.newKey("first");
        CreatedAppKey second = world.newKey("second");
        Set<RoleId> owner = Set.of(role(LicenseManager.OWNER).id());

        List<PrincipalRef> refs = List.of(
                new PrincipalRef.ById(ana.id().value()),
                PrincipalRef.parse("bob@acme.com"),
                PrincipalRef.parse(first.key().id().toString()),
                PrincipalRef.parse(second.key().appKey().value()));
        refs.forEach(ref -> world.appKeys.linkRoles(world.master, ref, owner));

        refs.forEach(
                ref -> assertEquals(List.of(role(LicenseManager.OWNER)), world.appKeys.rolesOf(world.master, ref)));
        assertEquals(List.of(role(LicenseManager.OWNER)), world.storage.roles().rolesOf(world.acme.name(), bob.id()));
    }

    @Test
    void linkingAnUnknownRole_isBadInput_andLinksNothing() {
        CreatedAppKey created = world.newKey("k");
        PrincipalRef ref = new PrincipalRef.ByAppKey(created.key().appKey());

        InvalidInputException error = assertThrows(
                InvalidInputException.class,
                () -> world.appKeys.linkRoles(
                        world.master, ref, Set.of(role(LicenseManager.OWNER).id(), new RoleId(9999))));

        assertTrue(error.getMessage().contains("role 9999 does not exist"));
        assertEquals(List.of(), world.appKeys.rolesOf(world.master, ref));
    }

    @Test
    void rolesOfAnotherAccount_cannotBeLinked() {
        Caller globex = Caller.master(world.account("globex"), "test");
        Role foreign = world.appKeys.listRoles(globex).get(0);
        CreatedAppKey created = world.newKey("k");

        assertThrows(
                InvalidInputException.class,
                () -> world.appKeys.linkRoles(
                        world.master, new PrincipalRef.ByAppKey(created.key().appKey()), Set.of(foreign.id())));
    }

    @Test
    void principalsOfAnotherAccount_areNotFound_butByItsAppKeyAKeyMayBeGrantedRoles() {
        Caller globex = Caller.master(world.account("globex"), "test");
        CreatedAppKey ours = world.newKey("ours");

        assertThrows(
                NotFoundException.class,
                () -> world.appKeys.linkRoles(
                        globex,
                        new PrincipalRef.ByEmail(world.acme.masterEmail()),
                        Set.of(world.appKeys.listRoles(globex).get(0).id())));
        assertThrows(
                NotFoundException.class,
                () -> world.appKeys.linkRoles(
                        globex,
                        new PrincipalRef.ById(ours.key().id().value()),
                        Set.of(world.appKeys.listRoles(globex).get(0).id())));
        // named by its appKey, another account's key is an external key: see ExternalKeysTest
        assertThrows(
                NotFoundException.class,
                () -> world.appKeys.rolesOf(
                        globex, new PrincipalRef.ById(ours.key().id().value())));
    }

    @Test
    void aLinkChange_saysWhatItChanged_andWhatThePrincipalHoldsAfterwards() {
        PrincipalRef ref = new PrincipalRef.ByAppKey(world.newKey("k").key().appKey());
        Role owner = role(LicenseManager.OWNER);
        Role users = role(LicenseManager.USER_ADMINISTRATOR);

        RoleLinks first = world.appKeys.linkRoles(world.master, ref, Set.of(owner.id()));
        RoleLinks both = world.appKeys.linkRoles(world.master, ref, Set.of(users.id(), owner.id()));
        RoleLinks revoked = world.appKeys.unlinkRole(world.master, ref, owner.id());
        RoleLinks again = world.appKeys.unlinkRole(world.master, ref, owner.id());

        assertEquals(new RoleLinks(List.of(owner), Set.of(owner.id()), List.of(owner)), first);
        assertEquals(new RoleLinks(List.of(owner, users), Set.of(users.id()), List.of(owner, users)), both);
        assertTrue(revoked.changed(owner));
        assertEquals(List.of(users), revoked.held());
        assertEquals(new RoleLinks(List.of(owner), Set.of(), List.of(users)), again);
    }

    @Test
    void anUnknownRole_isNamedAsSuch_andChangesNothing() {
        PrincipalRef ref = new PrincipalRef.ByAppKey(world.newKey("k").key().appKey());
        RoleId owner = role(LicenseManager.OWNER).id();

        assertThrows(
                UnknownRoleException.class,
                () -> world.appKeys.linkRoles(world.master, ref, Set.of(owner, new RoleId(999_999))));
        assertThrows(
                UnknownRoleException.class, () -> world.appKeys.unlinkRole(world.master, ref, new RoleId(999_999)));
        assertEquals(List.of(), world.appKeys.rolesOf(world.master, ref));
    }

    @Test
    void linkingTwice_linksOnce_andUnlinkingIsAudited() {
        CreatedAppKey created = world.newKey("k");
        PrincipalRef ref = new PrincipalRef.ByAppKey(created.key().appKey());
        RoleId owner = role(LicenseManager.OWNER).id();

        world.appKeys.linkRoles(world.master, ref, Set.of(owner));
        world.appKeys.linkRoles(world.master, ref, Set.of(owner));
        world.appKeys.unlinkRole(world.master, ref, owner);
        world.appKeys.unlinkRole(world.master, ref, owner);

        assertEquals(List.of(), world.appKeys.rolesOf(world.master, ref));
        List<AuditAction> actions = world.appKeys.readAuditLog(world.master, PageRequest.first()).items().stream()
                .map(entry -> entry.event().action())
                .filter(a -> a.name().startsWith("ROLE_"))
                .toList();
        assertEquals(List.of(AuditAction.ROLE_LINKED, AuditAction.ROLE_UNLINKED), actions);
    }

    @Test
    void customRoles_needExistingResources_andUniqueNames() {
        world.appKeys.defineResource(world.master, new Resource(ORDERS_READ, "Orders", "Orders API"));

        Role reader = world.appKeys.createRole(world.master, new RoleName("Reader"), Set.of(ORDERS_READ));

        assertEquals(Set.of(ORDERS_READ), reader.resources());
        assertThrows(
                ConflictException.class,
                () -> world.appKeys.createRole(world.master, new RoleName("Reader"), Set.of()));
        InvalidInputException unknown = assertThrows(
                InvalidInputException.class,
                () -> world.appKeys.createRole(
                        world.master, new RoleName("Writer"), Set.of(new ResourceName("orders.write"))));
        assertTrue(unknown.getMessage().contains("orders.write"));
        assertEquals(3, world.appKeys.listRoles(world.master).size());
    }

    @Test
    void resources_areUniquePerAccount() {
        world.appKeys.defineResource(world.master, new Resource(ORDERS_READ, "Orders", "Orders API"));

        assertThrows(
                ConflictException.class,
                () -> world.appKeys.defineResource(world.master, new Resource(ORDERS_READ, "Orders", "Other")));
        assertThrows(
                ConflictException.class,
                () -> world.appKeys.defineResource(
                        world.master, new Resource(LicenseManager.SAVE_USER, "Mine", "Mine")));
    }

    @Test
    void managingAccess_needsSaveUser() {
        Caller owner = world.callerOf(world.keyWithRole(LicenseManager.OWNER));
        Caller userAdmin = world.callerOf(world.keyWithRole(LicenseManager.USER_ADMINISTRATOR));
        CreatedAppKey target = world.newKey("target");
        PrincipalRef ref = new PrincipalRef.ByAppKey(target.key().appKey());
        Set<RoleId> roles = Set.of(role(LicenseManager.OWNER).id());

        assertThrows(ForbiddenException.class, () -> world.appKeys.linkRoles(owner, ref, roles));
        assertThrows(ForbiddenException.class, () -> world.appKeys.listRoles(owner));
        assertThrows(
                ForbiddenException.class,
                () -> world.appKeys.defineResource(owner, new Resource(ORDERS_READ, "Orders", "Orders API")));
        assertThrows(ForbiddenException.class, () -> world.appKeys.createRole(owner, new RoleName("x"), Set.of()));

        world.appKeys.linkRoles(userAdmin, ref, roles);
        assertEquals(1, world.appKeys.rolesOf(userAdmin, ref).size());
    }
}
