package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.User;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.fixtures.World;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void addedUsers_areFoundByIdOrEmail_andListedInCreationOrder() {
        world.clock.advance(Duration.ofSeconds(1));
        User ana = world.appKeys.addUser(world.master, new Email("Ana@Acme.com"), Optional.of(new PersonName("Ana")));

        assertEquals(new Email("ana@acme.com"), ana.email());
        assertEquals(MutableClock.START.plusSeconds(1), ana.createdIn());
        assertEquals(
                ana,
                world.appKeys.getUser(
                        world.master, new PrincipalRef.ById(ana.id().value())));
        assertEquals(ana, world.appKeys.getUser(world.master, PrincipalRef.parse("ana@acme.com")));
        List<User> listed =
                world.appKeys.listUsers(world.master, PageRequest.first()).items();
        assertEquals(
                List.of(world.acme.masterEmail(), ana.email()),
                listed.stream().map(User::email).toList());
        assertEquals(2, world.appKeys.countUsers(world.master));
    }

    @Test
    void sameEmailTwice_isConflict() {
        world.appKeys.addUser(world.master, new Email("ana@acme.com"), Optional.empty());

        assertThrows(
                ConflictException.class,
                () -> world.appKeys.addUser(world.master, new Email("ANA@acme.com"), Optional.empty()));
        assertEquals(2, world.appKeys.countUsers(world.master));
    }

    @Test
    void removedUser_isGone_withItsRoleLinks() {
        User ana = world.appKeys.addUser(world.master, new Email("ana@acme.com"), Optional.empty());
        PrincipalRef ref = PrincipalRef.parse("ana@acme.com");
        world.appKeys.linkRoles(
                world.master,
                ref,
                Set.of(world.appKeys.listRoles(world.master).get(0).id()));

        world.appKeys.removeUser(world.master, ref);

        assertThrows(NotFoundException.class, () -> world.appKeys.getUser(world.master, ref));
        assertEquals(List.of(), world.storage.roles().rolesOf(world.acme.name(), ana.id()));
        assertThrows(NotFoundException.class, () -> world.appKeys.removeUser(world.master, ref));
    }

    @Test
    void theMasterUser_cannotBeRemoved() {
        assertThrows(
                ConflictException.class,
                () -> world.appKeys.removeUser(world.master, PrincipalRef.parse("owner@acme.com")));
        assertEquals(1, world.appKeys.countUsers(world.master));
    }

    @Test
    void anAppKey_isNotAUser() {
        PrincipalRef key = new PrincipalRef.ByAppKey(world.newKey("k").key().appKey());

        assertThrows(NotFoundException.class, () -> world.appKeys.getUser(world.master, key));
    }

    @Test
    void managingUsers_needsSaveUser_andStaysInTheCallersAccount() {
        Caller owner = world.callerOf(world.keyWithRole(LicenseManager.OWNER));
        Caller userAdmin = world.callerOf(world.keyWithRole(LicenseManager.USER_ADMINISTRATOR));
        Caller globex = Caller.master(world.account("globex"), "test");

        assertThrows(
                ForbiddenException.class,
                () -> world.appKeys.addUser(owner, new Email("x@acme.com"), Optional.empty()));
        assertThrows(ForbiddenException.class, () -> world.appKeys.listUsers(owner, PageRequest.first()));
        User added = world.appKeys.addUser(userAdmin, new Email("x@acme.com"), Optional.empty());
        assertThrows(
                NotFoundException.class,
                () -> world.appKeys.getUser(
                        globex, new PrincipalRef.ById(added.id().value())));
    }
}
