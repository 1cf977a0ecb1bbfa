package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.NewRole;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.PrincipalId;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.domain.RoleWithProducts;
import io.appkeys.core.domain.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.appkeys.core.port.out.RoleStore}. */
public abstract class RoleStoreContract extends StorageContractSupport {

    private static final ResourceName READ = new ResourceName("orders.read");
    private static final ResourceName WRITE = new ResourceName("orders.write");

    private Account accountWithResources() {
        Account account = newAccount();
        storage.resources().insert(account.name(), new Resource(READ, "Orders", "Orders API"));
        storage.resources().insert(account.name(), new Resource(WRITE, "Orders", "Orders API"));
        return account;
    }

    private Role newRole(Account account, String name, Set<ResourceName> resources) {
        return storage.roles().create(new NewRole(account.name(), new RoleName(name), resources, false));
    }

    @Test
    void createdRoles_getDistinctIds_andKeepTheirResources() {
        Account account = accountWithResources();
        Role reader = newRole(account, "Reader", Set.of(READ));
        Role editor = newRole(account, "Editor", Set.of(READ, WRITE));
        Role empty = newRole(account, "Nothing", Set.of());

        assertNotEquals(reader.id(), editor.id());
        assertEquals(Set.of(READ, WRITE), editor.resources());
        assertEquals(Optional.of(reader), storage.roles().find(account.name(), reader.id()));
        assertEquals(Optional.of(empty), storage.roles().find(account.name(), empty.id()));
        assertEquals(List.of(reader, editor, empty), storage.roles().list(account.name()));
    }

    @Test
    void rolesWithProducts_nameTheProductsOfTheirResources_inOneList() {
        Account account = accountWithResources();
        storage.resources()
                .insert(account.name(), new Resource(new ResourceName("billing.read"), "Billing", "Billing API"));
        Role reader = newRole(account, "Reader", Set.of(READ, new ResourceName("billing.read")));
        Role empty = newRole(account, "Nothing", Set.of());

        assertEquals(
                List.of(RoleWithProducts.of(reader, Set.of("Billing", "Orders")), RoleWithProducts.of(empty, Set.of())),
                storage.roles().listWithProducts(account.name()));
    }

    @Test
    void linksOf_givesEachPrincipalsRoleIds_inOneRead_andOnlyThoseOfTheAccount() {
        Account account = accountWithResources();
        Account other = accountWithResources();
        Role reader = newRole(account, "Reader", Set.of(READ));
        Role writer = newRole(account, "Writer", Set.of(WRITE));
        Role theirs = newRole(other, "Reader", Set.of(READ));
        AppKeyId both = AppKeyId.random();
        AppKeyId one = AppKeyId.random();
        AppKeyId none = AppKeyId.random();
        AppKeyId foreign = AppKeyId.random();
        storage.roles().link(account.name(), both, reader.id());
        storage.roles().link(account.name(), both, writer.id());
        storage.roles().link(account.name(), one, writer.id());
        storage.roles().link(other.name(), foreign, theirs.id());

        Map<PrincipalId, Set<RoleId>> links =
                storage.roles().linksOf(account.name(), List.of(both, one, none, foreign));

        assertEquals(Map.of(both, Set.of(reader.id(), writer.id()), one, Set.of(writer.id())), links);
        assertEquals(Map.of(), storage.roles().linksOf(account.name(), List.of()));
    }

    @Test
    void predefinedFlag_isKept() {
        Account account = accountWithResources();
        Role role = storage.roles().create(new NewRole(account.name(), new RoleName("Builtin"), Set.of(READ), true));

        assertTrue(storage.roles().find(account.name(), role.id()).orElseThrow().predefined());
    }

    @Test
    void sameNameTwiceInOneAccount_isConflict_butFineInAnother() {
        Account account = accountWithResources();
        Account other = accountWithResources();
        newRole(account, "Reader", Set.of(READ));

        assertThrows(ConflictException.class, () -> newRole(account, "Reader", Set.of(WRITE)));
        newRole(other, "Reader", Set.of(READ));
        assertEquals(1, storage.roles().list(account.name()).size());
    }

    @Test
    void roleOfAnotherAccount_isNotFound() {
        Account account = accountWithResources();
        Account other = accountWithResources();
        Role role = newRole(account, "Reader", Set.of(READ));

        assertEquals(Optional.empty(), storage.roles().find(other.name(), role.id()));
        assertEquals(Optional.empty(), storage.roles().find(account.name(), new RoleId(Integer.MAX_VALUE)));
    }

    @Test
    void linkedRoles_grantTheUnionOfTheirResources() {
        Account account = accountWithResources();
        AppKey key = newKey(account, at(1));
        Role reader = newRole(account, "Reader", Set.of(READ));
        Role editor = newRole(account, "Editor", Set.of(READ, WRITE));

        assertTrue(storage.roles().link(account.name(), key.id(), reader.id()));
        assertTrue(storage.roles().link(account.name(), key.id(), editor.id()));
        assertFalse(storage.roles().link(account.name(), key.id(), editor.id()));

        assertEquals(List.of(reader, editor), storage.roles().rolesOf(account.name(), key.id()));
        assertEquals(Set.of(READ, WRITE), storage.roles().resourcesOf(account.name(), key.id()));
    }

    @Test
    void concurrentLinksOfOneRole_exactlyOneMakesTheLink() throws Exception {
        Account account = accountWithResources();
        AppKey key = newKey(account, at(1));
        Role reader = newRole(account, "Reader", Set.of(READ));

        assertEquals(1, concurrently(8, i -> storage.roles().link(account.name(), key.id(), reader.id())));
        assertEquals(List.of(reader), storage.roles().rolesOf(account.name(), key.id()));
    }

    @Test
    void usersHoldRolesToo() {
        Account account = accountWithResources();
        Role reader = newRole(account, "Reader", Set.of(READ));

        storage.roles().link(account.name(), account.masterUserId(), reader.id());

        assertEquals(List.of(reader), storage.roles().rolesOf(account.name(), account.masterUserId()));
        assertEquals(List.of(), storage.roles().rolesOf(account.name(), UserId.random()));
    }

    @Test
    void linkingARoleOfAnotherAccount_isNotFound() {
        Account account = accountWithResources();
        Account other = accountWithResources();
        AppKey key = newKey(account, at(1));
        Role foreign = newRole(other, "Reader", Set.of(READ));

        assertThrows(NotFoundException.class, () -> storage.roles().link(account.name(), key.id(), foreign.id()));
        assertEquals(List.of(), storage.roles().rolesOf(account.name(), key.id()));
    }

    @Test
    void unlink_removesOneLink() {
        Account account = accountWithResources();
        AppKey key = newKey(account, at(1));
        Role reader = newRole(account, "Reader", Set.of(READ));
        Role editor = newRole(account, "Editor", Set.of(WRITE));
        storage.roles().link(account.name(), key.id(), reader.id());
        storage.roles().link(account.name(), key.id(), editor.id());

        assertTrue(storage.roles().unlink(account.name(), key.id(), reader.id()));
        assertFalse(storage.roles().unlink(account.name(), key.id(), reader.id()));

        assertEquals(List.of(editor), storage.roles().rolesOf(account.name(), key.id()));
        assertEquals(Set.of(WRITE), storage.roles().resourcesOf(account.name(), key.id()));
    }

    @Test
    void unlinkAll_removesEveryLinkOfOnePrincipal() {
        Account account = accountWithResources();
        AppKey key = newKey(account, at(1));
        AppKey other = newKey(account, at(2));
        Role reader = newRole(account, "Reader", Set.of(READ));
        storage.roles().link(account.name(), key.id(), reader.id());
        storage.roles().link(account.name(), other.id(), reader.id());

        storage.roles().unlinkAll(account.name(), key.id());

        assertEquals(List.of(), storage.roles().rolesOf(account.name(), key.id()));
        assertEquals(List.of(reader), storage.roles().rolesOf(account.name(), other.id()));
    }

    @Test
    void aKeysGrantsInOtherAccounts_areLinksOfThoseAccounts_andGoWithItWhenUnlinkedAll() {
        Account home = accountWithResources();
        Account granting = accountWithResources();
        AppKey key = newKey(home, at(1));
        Role own = newRole(home, "Reader", Set.of(READ));
        Role granted = newRole(granting, "Writer", Set.of(WRITE));
        storage.roles().link(home.name(), key.id(), own.id());
        storage.roles().link(granting.name(), key.id(), granted.id());

        assertEquals(List.of(own), storage.roles().rolesOf(home.name(), key.id()));
        assertEquals(List.of(granted), storage.roles().rolesOf(granting.name(), key.id()));
        assertEquals(Set.of(READ), storage.roles().resourcesOf(home.name(), key.id()));
        assertEquals(Set.of(WRITE), storage.roles().resourcesOf(granting.name(), key.id()));

        storage.roles().unlinkAll(home.name(), key.id());

        assertEquals(List.of(), storage.roles().rolesOf(home.name(), key.id()));
        assertEquals(List.of(), storage.roles().rolesOf(granting.name(), key.id()));
    }
}
