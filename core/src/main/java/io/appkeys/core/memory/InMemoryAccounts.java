package io.appkeys.core.memory;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.port.out.AccountStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Accounts in memory, by name. */
final class InMemoryAccounts implements AccountStore {

    private final MemoryTransactions memory;
    private final Map<String, Account> accounts = new TreeMap<>();
    private final Map<String, AccountSettings> settings = new HashMap<>();

    InMemoryAccounts(MemoryTransactions memory) {
        this.memory = memory;
    }

    @Override
    public void insert(Account account) {
        memory.locked(() -> {
            if (accounts.putIfAbsent(account.name().value(), account) != null) {
                throw new ConflictException("account " + account.name() + " already exists");
            }
            settings.put(account.name().value(), AccountSettings.DEFAULTS);
            memory.onRollback(() -> {
                accounts.remove(account.name().value());
                settings.remove(account.name().value());
            });
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

    @Override
    public AccountSettings settings(AccountName name) {
        return memory.locked(() -> settings.getOrDefault(name.value(), AccountSettings.DEFAULTS));
    }

    /** A transaction in memory holds the one lock over every store until it ends: the settings are held too. */
    @Override
    public AccountSettings settingsForChange(AccountName name) {
        return settings(name);
    }

    @Override
    public boolean saveSettings(AccountName name, AccountSettings changed) {
        return memory.locked(() -> {
            AccountSettings before = settings.get(name.value());
            if (before == null) {
                throw new NotFoundException("account " + name + " not found");
            }
            if (before.equals(changed)) {
                return false;
            }
            settings.put(name.value(), changed);
            memory.onRollback(() -> settings.put(name.value(), before));
            return true;
        });
    }
}
