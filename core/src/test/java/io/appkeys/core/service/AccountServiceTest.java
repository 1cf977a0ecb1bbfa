package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.User;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.NewAccount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void newAccount_hasItsMasterUser_predefinedResources_andPredefinedRoles() {
        Account acme = world.acme;

        List<User> users =
                world.appKeys.listUsers(world.master, PageRequest.first()).items();
        assertEquals(1, users.size());
        assertEquals(acme.masterUserId(), users.get(0).id());
        assertEquals(new Email("owner@acme.com"), users.get(0).email());
        assertEquals(MutableClock.START, acme.createdIn());

        assertEquals(Set.copyOf(LicenseManager.resources()), Set.copyOf(world.appKeys.listResources(world.master)));
        Map<String, Set<ResourceName>> roles = world.appKeys.listRoles(world.master).stream()
                .collect(Collectors.toMap(role -> role.name().value(), Role::resources));
        assertEquals(
                Set.of(
                        LicenseManager.VIEW_API_KEYS,
                        LicenseManager.EDIT_API_KEYS,
                        LicenseManager.EDIT_API_KEYS_SETTINGS,
                        LicenseManager.RENEW_API_TOKEN),
                roles.get("Owner (Admin Super)"));
        assertEquals(
                Set.of(LicenseManager.SAVE_USER, LicenseManager.VIEW_API_KEYS, LicenseManager.EDIT_API_KEYS),
                roles.get("User Administrator - RESTRICTED"));
        assertTrue(world.appKeys.listRoles(world.master).stream().allMatch(Role::predefined));
    }

    @Test
    void newAccount_isAudited() {
        List<AuditEntry> log =
                world.appKeys.readAuditLog(world.master, PageRequest.first()).items();

        assertEquals(1, log.size());
        assertEquals(AuditAction.ACCOUNT_CREATED, log.get(0).event().action());
        assertEquals("operator", log.get(0).event().actor());
        assertEquals("test", log.get(0).event().origin());
    }

    @Test
    void secondAccountOfTheSameName_isConflict_andChangesNothing() {
        NewAccount twin =
                new NewAccount(new AccountName("acme"), new Email("other@acme.com"), Optional.empty(), "test");

        assertThrows(ConflictException.class, () -> world.appKeys.createAccount(twin));

        assertEquals(List.of(world.acme), world.appKeys.listAccounts());
        assertEquals(1, world.appKeys.countUsers(world.master));
        assertEquals(
                1,
                world.appKeys
                        .readAuditLog(world.master, PageRequest.first())
                        .items()
                        .size());
    }

    @Test
    void accounts_areFoundByName_andListed() {
        Account globex = world.account("globex");

        assertEquals(Optional.of(globex), world.appKeys.findAccount(new AccountName("globex")));
        assertEquals(Optional.empty(), world.appKeys.findAccount(new AccountName("initech")));
        assertEquals(List.of(world.acme, globex), world.appKeys.listAccounts());
    }

    @Test
    void eachAccount_hasResourcesOfItsOwn() {
        Account globex = world.account("globex");
        world.appKeys.defineResource(world.master, new Resource(new ResourceName("orders.read"), "Orders", "API"));

        assertEquals(
                LicenseManager.resources().size(),
                world.appKeys
                        .listResources(io.appkeys.core.domain.Caller.master(globex, "test"))
                        .size());
    }
}
