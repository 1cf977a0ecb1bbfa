package io.appkeys.core.memory;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.port.out.AccountStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Accounts in memory, by name. */
final class InMemoryAccounts implements AccountStore {

    private final MemoryTransactions memory;
    private final Map<String, Account> accounts = new TreeMap<>();

    InMemoryAccounts(MemoryTransactions memory) {
        this.memory = memory;
    }

    @Override
    public void insert(Account account) {
        memory.locked(() -> {
            if (accounts.putIfAbsent(account.name().value(), account) != null) {
                throw new ConflictException("account " + account.name() + " already exists");
            }
            memory.onRollback(() -> accounts.remove(account.name().value()));
            return null;
        });
    }

    @Override
    public Optional<Account> find(AccountName name) {
        return memory.locked(() -> Optional.ofNullable(accounts.get(name.value())));
    }

    @Override
    public List<Account> list() {
        return memory.locked(() -> List.copyOf(accounts.values()));
    }
}
