package io.appkeys.core.service;

import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Change;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.NumberedPage;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.domain.UserListing;
import io.appkeys.core.port.in.AddUserUseCase;
import io.appkeys.core.port.in.GetUserUseCase;
import io.appkeys.core.port.in.ListUsersUseCase;
import io.appkeys.core.port.in.RemoveUserUseCase;
import io.appkeys.core.port.out.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The users of an account; managing them needs {@code Save_User} or the master user. */
public final class UserService implements AddUserUseCase, RemoveUserUseCase, GetUserUseCase, ListUsersUseCase {

    private final Storage storage;
    private final AccountScope scope;
    private final ChangeListener changes;
    private final Clock clock;

    public UserService(Storage storage, ChangeListener changes, Clock clock) {
        this.storage = storage;
        this.scope = new AccountScope(storage);
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public User addUser(Caller caller, Email email, Optional<PersonName> name) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "add users");
        Instant now = clock.instant();
        User user = new User(UserId.random(), caller.account(), email, name, now);
        return storage.transactions().inTransaction(() -> {
            storage.users().insert(user);
            storage.audit().append(AuditEvent.by(caller, now, AuditAction.USER_ADDED, "user:" + email));
            return user;
        });
    }

    @Override
    public User removeUser(Caller caller, PrincipalRef ref) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "remove users");
        Instant now = clock.instant();
        User removed = storage.transactions().inTransaction(() -> {
            User user = scope.user(caller.account(), ref);
            boolean master = storage.accounts()
                    .find(caller.account())
                    .map(account -> account.masterUserId().equals(user.id()))
                    .orElse(false);
            if (master) {
                throw new ConflictException("user " + user.email() + " is the master user of account "
                        + caller.account() + " and cannot be removed");
            }
            storage.roles().unlinkAll(caller.account(), user.id());
            if (!storage.users().delete(caller.account(), user.id())) {
                throw new NotFoundException("user " + ref + " not found in account " + caller.account());
            }
            storage.audit().append(AuditEvent.by(caller, now, AuditAction.USER_REMOVED, "user:" + user.email()));
            changes.record(Change.of(caller.account(), user.id()), now);
            return user;
        });
        changes.committed(Change.of(caller.account(), removed.id()));
        return removed;
    }

    @Override
    public User getUser(Caller caller, PrincipalRef ref) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "view users");
        return scope.user(caller.account(), ref);
    }

    @Override
    public Page<User> listUsers(Caller caller, PageRequest page) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "view users");
        return storage.users().list(caller.account(), page);
    }

    @Override
    public UserListing listUsers(Caller caller, NumberedPage page) {
        AccessPolicy.require(caller, AccessPolicy::mayManageAccess, "view users");
        return storage.users().page(caller.account(), page);
    }
}
