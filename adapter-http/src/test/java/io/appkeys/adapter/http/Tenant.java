package io.appkeys.adapter.http;

import io.appkeys.core.AppKeys;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.fixtures.AllUseCases;
import io.appkeys.core.port.in.NewAccount;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** An account of its own for one test, made through core, with an admin key that holds every predefined role. */
final class Tenant {

    final AllUseCases appKeys;
    final Account account;
    final Caller master;
    final Credentials admin;

    private Tenant(AllUseCases appKeys, Account account) {
        this.appKeys = appKeys;
        this.account = account;
        this.master = Caller.master(account, "test");
        this.admin = keyWithRoles("admin", LicenseManager.OWNER, LicenseManager.USER_ADMINISTRATOR);
    }

    static Tenant create(AppKeys assembled) {
        AllUseCases appKeys = new AllUseCases(assembled);
        String name = "t" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        Account account = appKeys.createAccount(new NewAccount(
                new AccountName(name), new Email("owner@" + name + ".example"), Optional.empty(), "test"));
        return new Tenant(appKeys, account);
    }

    String name() {
        return account.name().value();
    }

    /** A key made through core, without roles. */
    Credentials newKey(String label) {
        CreatedAppKey created = appKeys.createAppKey(master, new Label(label));
        return new Credentials(
                created.key().id().toString(),
                created.key().appKey().value(),
                created.token().reveal());
    }

    Credentials keyWithRoles(String label, RoleName... roles) {
        Credentials key = newKey(label);
        Set<RoleName> wanted = Set.of(roles);
        Set<RoleId> ids = appKeys.listRoles(master).stream()
                .filter(role -> wanted.contains(role.name()))
                .map(Role::id)
                .collect(Collectors.toSet());
        if (ids.size() != roles.length) {
            throw new IllegalStateException("missing roles among " + Arrays.toString(roles));
        }
        appKeys.linkRoles(master, PrincipalRef.parse(key.appKey()), ids);
        return key;
    }

    /** Links the predefined role {@code name} to {@code key}, through core. */
    void grant(Credentials key, RoleName name) {
        appKeys.linkRoles(master, PrincipalRef.parse(key.appKey()), Set.of(roleId(name)));
    }

    RoleId roleId(RoleName name) {
        return appKeys.listRoles(master).stream()
                .filter(role -> role.name().equals(name))
                .map(Role::id)
                .findFirst()
                .orElseThrow();
    }
}
