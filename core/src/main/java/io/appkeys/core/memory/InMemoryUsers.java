package io.appkeys.core.memory;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.UserStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Users in memory; email unique per account. */
final class InMemoryUsers implements UserStore {

    private final Memory memory;
    private final Map<UserId, User> users = new HashMap<>();

    InMemoryUsers(Memory memory) {
        this.memory = memory;
    }

    @Override
    public void insert(User user) {
        memory.locked(() -> {
            if (findByEmail(user.account(), user.email()).isPresent() || users.containsKey(user.id())) {
                throw new ConflictException("account " + user.account() + " already has a user " + user.email());
            }
            users.put(user.id(), user);
            memory.onRollback(() -> users.remove(user.id()));
            return null;
        });
    }

    @Override
    public Optional<User> find(AccountName account, UserId id) {
        return memory.locked(
                () -> Optional.ofNullable(users.get(id)).filter(u -> u.account().equals(account)));
    }

    @Override
    public Optional<User> findByEmail(AccountName account, Email email) {
        return memory.locked(() -> users.values().stream()
                .filter(u -> u.account().equals(account) && u.email().equals(email))
                .findFirst());
    }

    @Override
    public Page<User> list(AccountName account, PageRequest page) {
        return memory.locked(() -> Keyset.page(
                users.values().stream().filter(u -> u.account().equals(account)).toList(),
                page,
                User::createdIn,
                u -> u.id().value()));
    }

    @Override
    public long count(AccountName account) {
        return memory.locked(() ->
                users.values().stream().filter(u -> u.account().equals(account)).count());
    }

    @Override
    public boolean delete(AccountName account, UserId id) {
        return memory.locked(() -> {
            User user = users.get(id);
            if (user == null || !user.account().equals(account)) {
                return false;
            }
            users.remove(id);
            memory.onRollback(() -> users.put(id, user));
            return true;
        });
    }
}
