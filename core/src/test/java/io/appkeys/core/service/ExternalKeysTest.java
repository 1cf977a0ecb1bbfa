package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.domain.UnknownRoleException;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.ActInAccountUseCase;
import io.appkeys.core.port.in.SetAppKeyMetadataUseCase;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * VTEX's external app keys: an account grants roles to a key of another account, which then acts in each account
 * only with what that account granted; revoking on either side ends it; and nothing else crosses over: neither
 * account sees the other's keys, users or roles.
 */
class ExternalKeysTest {

    private final World world = new World(); // acme: the key's own account
    private final Account globex = world.account("globex"); // the account that grants
    private final Caller globexMaster = Caller.master(globex, "test");
    private final ActInAccountUseCase acting = world.appKeys.use(ActInAccountUseCase.class);
    private final CreatedAppKey partner = world.keyWithRole(LicenseManager.USER_ADMINISTRATOR); // acme's key

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aGrantedKey_actsInTheGrantingAccount_withThatAccountsRolesOnly() {
        grant(LicenseManager.OWNER);
        KeyPrincipal home = principal();

        KeyPrincipal there = acting.actIn(home, globex.name()).orElseThrow();

        assertEquals(globex.name(), there.account());
        assertEquals(home.id(), there.id());
        assertEquals(roleOf(globex, LicenseManager.OWNER).resources(), there.resources());
        assertTrue(home.resources().contains(LicenseManager.SAVE_USER), "at home: its own roles");
        assertFalse(there.resources().contains(LicenseManager.SAVE_USER), "in globex: only what globex granted");
        assertEquals(Optional.of(home), acting.actIn(home, world.acme.name()));
    }

    @Test
    void theKeysMetadata_staysWithItsOwnAccount() {
        grant(LicenseManager.OWNER);
        world.appKeys
                .use(SetAppKeyMetadataUseCase.class)
                .setAppKeyMetadata(
                        world.master, World.ref(partner), Optional.of(KeyMetadata.of("{\"plan\":\"gold\"}")));

        assertTrue(principal().metadata().isPresent());
        assertEquals(
                Optional.empty(),
                acting.actIn(principal(), globex.name()).orElseThrow().metadata());
    }

    @Test
    void withoutAGrant_theKeyMayNotActInAnotherAccount() {
        assertEquals(Optional.empty(), acting.actIn(principal(), globex.name()));
        assertEquals(Optional.empty(), acting.actIn(principal(), new AccountName("nosuch")));
    }

    @Test
    void inTheGrantingAccount_itSeesThatAccountsKeysOnly_andAtHomeItsOwn() {
        grant(LicenseManager.OWNER);
        CreatedAppKey globexKey = world.appKeys.createAppKey(globexMaster, new Label("globex's own"));
        Caller inGlobex = new Caller(acting.actIn(principal(), globex.name()).orElseThrow(), "test");
        Caller atHome = world.callerOf(partner);

        List<AppKey> seenThere =
                world.appKeys.listAppKeys(inGlobex, PageRequest.first()).items();
        List<AppKey> seenAtHome =
                world.appKeys.listAppKeys(atHome, PageRequest.first()).items();

        assertEquals(
                List.of(globexKey.key().id()),
                seenThere.stream().map(AppKey::id).toList());
        assertTrue(seenAtHome.stream().map(AppKey::account).allMatch(world.acme.name()::equals));
        assertFalse(seenAtHome.stream()
                .anyMatch(key -> key.id().equals(globexKey.key().id())));
        assertThrows(
                ForbiddenException.class,
                () -> world.appKeys.listUsers(inGlobex, PageRequest.first()),
                "Owner does not manage users, and acme's User Administrator does not count in globex");
        assertThrows(
                NotFoundException.class,
                () -> world.appKeys.getAppKey(inGlobex, KeyRef.of(partner.key().id())),
                "its own key is not globex's");
    }

    @Test
    void theGrantingAccount_seesOnlyItsOwnRolesOfTheKey_andNothingElseOfTheOtherAccount() {
        grant(LicenseManager.OWNER);

        assertEquals(
                List.of(roleOf(globex, LicenseManager.OWNER).id()),
                world.appKeys.rolesOf(globexMaster, byAppKey()).stream()
                        .map(Role::id)
                        .toList());
        assertEquals(
                List.of(roleOf(world.acme, LicenseManager.USER_ADMINISTRATOR).id()),
                world.appKeys.rolesOf(world.master, byAppKey()).stream()
                        .map(Role::id)
                        .toList(),
                "acme sees its own grant only");
        assertThrows(
                NotFoundException.class,
                () -> world.appKeys.getAppKey(
                        globexMaster, KeyRef.of(partner.key().id())));
        assertTrue(world.appKeys
                .listAppKeys(globexMaster, PageRequest.first())
                .items()
                .isEmpty());
        assertThrows(
                NotFoundException.class,
                () -> world.appKeys.rolesOf(globexMaster, new PrincipalRef.ByEmail(new Email("owner@acme.com"))),
                "acme's users are not globex's");
        assertThrows(
                UnknownRoleException.class,
                () -> world.appKeys.linkRoles(
                        globexMaster,
                        byAppKey(),
                        Set.of(roleOf(world.acme, LicenseManager.OWNER).id())),
                "acme's roles are not globex's to grant");
        assertTrue(world.appKeys.readAuditLog(globexMaster, PageRequest.first(100)).items().stream()
                .anyMatch(entry -> entry.event().action() == AuditAction.ROLE_LINKED
                        && entry.event()
                                .target()
                                .startsWith("external appkey:" + partner.key().appKey())));
    }

    @Test
    void revokingInTheGrantingAccount_endsIt() {
        RoleId owner = grant(LicenseManager.OWNER);

        world.appKeys.unlinkRole(globexMaster, byAppKey(), owner);

        assertEquals(Optional.empty(), acting.actIn(principal(), globex.name()));
        assertInstanceOf(Authenticated.class, world.authenticate(partner), "at home it works on");
    }

    @Test
    void revokingAtHome_endsIt_deactivatedOrDeleted() {
        grant(LicenseManager.OWNER);

        world.appKeys.setAppKeyActive(world.master, World.ref(partner), false);
        assertInstanceOf(Rejected.class, world.authenticate(partner), "no principal to act anywhere");
        world.appKeys.setAppKeyActive(world.master, World.ref(partner), true);
        KeyPrincipal principal = principal();
        world.appKeys.deleteAppKey(world.master, World.ref(partner));

        assertEquals(Optional.empty(), acting.actIn(principal, globex.name()), "its grants went with it");
        assertTrue(world.storage
                .roles()
                .linksOf(globex.name(), List.of(principal.id()))
                .isEmpty());
    }

    @Test
    void aKeyThatDoesNotExist_cannotBeGranted() {
        assertThrows(
                NotFoundException.class,
                () -> world.appKeys.linkRoles(
                        globexMaster,
                        new PrincipalRef.ByAppKey(new AppKeyName("vtexappkey-acme-NOSUCH")),
                        Set.of(roleOf(globex, LicenseManager.OWNER).id())));
    }

    private RoleId grant(RoleName role) {
        RoleId id = roleOf(globex, role).id();
        world.appKeys.linkRoles(globexMaster, byAppKey(), Set.of(id));
        return id;
    }

    private PrincipalRef byAppKey() {
        return new PrincipalRef.ByAppKey(partner.key().appKey());
    }

    private KeyPrincipal principal() {
        return (KeyPrincipal) assertInstanceOf(Authenticated.class, world.authenticate(partner))
                .principal();
    }

    private Role roleOf(Account account, RoleName name) {
        return world.appKeys.listRoles(Caller.master(account, "test")).stream()
                .filter(role -> role.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
