package io.appkeys.core.memory;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.ListedUser;
import io.appkeys.core.domain.NumberedPage;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.domain.UserListing;
import io.appkeys.core.port.out.UserStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in memory; email unique per account. */
final class InMemoryUsers implements UserStore {

    private final MemoryTransactions memory;
    private final InMemoryAccounts accounts;
    private final Map<UserId, User> users = new HashMap<>();

    InMemoryUsers(MemoryTransactions memory, InMemoryAccounts accounts) {
        this.memory = memory;
        this.accounts = accounts;
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
    public UserListing page(AccountName account, NumberedPage page) {
        return memory.locked(() -> {
            Optional<UserId> master = accounts.find(account).map(Account::masterUserId);
            List<User> all = users.values().stream()
                    .filter(u -> u.account().equals(account))
                    .sorted(Comparator.comparing(User::createdIn)
                            .thenComparing(u -> u.id().value(), MemoryTransactions.UUID_ORDER))
                    .toList();
            List<ListedUser> listed = all.stream()
                    .skip(page.offset())
                    .limit(page.size())
                    .map(user -> new ListedUser(
                            user, master.filter(user.id()::equals).isPresent()))
                    .toList();
            return new UserListing(listed, all.size());
        });
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
