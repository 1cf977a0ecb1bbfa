package io.appkeys.core.service;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.NewRole;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.FindAccountUseCase;
import io.appkeys.core.port.in.ListAccountsUseCase;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.port.out.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts: created by an operator with their master user and the predefined resources and roles. */
public final class AccountService implements CreateAccountUseCase, FindAccountUseCase, ListAccountsUseCase {

    private final Storage storage;
    private final Clock clock;

    public AccountService(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public Account createAccount(NewAccount command) {
        Instant now = clock.instant();
        Account account = new Account(UUID.randomUUID(), command.name(), UserId.random(), command.masterEmail(), now);
        User master =
                new User(account.masterUserId(), account.name(), account.masterEmail(), command.masterName(), now);
        return storage.transactions().inTransaction(() -> {
            storage.accounts().insert(account);
            storage.users().insert(master);
            LicenseManager.resources().forEach(resource -> storage.resources().insert(account.name(), resource));
            LicenseManager.roles()
                    .forEach((name, resources) ->
                            storage.roles().create(new NewRole(account.name(), name, resources, true)));
            storage.audit()
                    .append(new AuditEvent(
                            account.name(),
                            now,
                            "operator",
                            AuditAction.ACCOUNT_CREATED,
                            "account:" + account.name() + " master:" + account.masterEmail(),
                            command.origin()));
            return account;
        });
    }

    @Override
    public Optional<Account> findAccount(AccountName name) {
        return storage.accounts().find(name);
    }

    @Override
    public List<Account> listAccounts() {
        return storage.accounts().list();
    }
}
