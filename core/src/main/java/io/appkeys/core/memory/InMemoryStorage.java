package io.appkeys.core.memory;

import io.appkeys.core.port.out.AccountStore;
import io.appkeys.core.port.out.AppKeyStore;
import io.appkeys.core.port.out.AuditLog;
import io.appkeys.core.port.out.ChangeFeed;
import io.appkeys.core.port.out.ResourceStore;
import io.appkeys.core.port.out.RoleStore;
import io.appkeys.core.port.out.SigningKeyStore;
import io.appkeys.core.port.out.Storage;
import io.appkeys.core.port.out.Transactions;
import io.appkeys.core.port.out.UserStore;

/**
 * Keeps everything in this process's memory, under one lock; for tests, and for apps that need no
 * persistence. Transactions roll back by undoing their writes.
 */
public final class InMemoryStorage implements Storage {

    private final MemoryTransactions memory = new MemoryTransactions();
    private final InMemoryAccounts accounts = new InMemoryAccounts(memory);
    private final InMemoryUsers users = new InMemoryUsers(memory, accounts);
    private final InMemoryKeys keys = new InMemoryKeys(memory);
    private final InMemoryResources resources = new InMemoryResources(memory);
    private final InMemoryRoles roles = new InMemoryRoles(memory, resources);
    private final InMemoryAudit audit = new InMemoryAudit(memory);
    private final InMemoryChanges changes = new InMemoryChanges(memory);
    private final InMemorySigningKeys signingKeys = new InMemorySigningKeys(memory);

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public AppKeyStore keys() {
        return keys;
    }

    @Override
    public RoleStore roles() {
        return roles;
    }

    @Override
    public ResourceStore resources() {
        return resources;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public ChangeFeed changes() {
        return changes;
    }

    @Override
    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    @Override
    public Transactions transactions() {
        return memory;
    }
}
