package io.appkeys.core.service;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.PrincipalId;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.UnknownRoleException;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.Storage;
import java.util.Optional;

/** Resolves what a request names into what the caller's account holds; anything else is not found. */
final class AccountScope {

    private final Storage storage;

    AccountScope(Storage storage) {
        this.storage = storage;
    }

    AppKey key(AccountName account, KeyRef ref) {
        Optional<AppKey> key = ref instanceof KeyRef.ById byId
                ? storage.keys().find(account, byId.id())
                : storage.keys()
                        .findByAppKey(((KeyRef.ByAppKey) ref).appKey())
                        .filter(found -> found.account().equals(account));
        return key.orElseThrow(() -> new NotFoundException("app key " + ref + " not found in account " + account));
    }

    User user(AccountName account, PrincipalRef ref) {
        Optional<User> user = Optional.empty();
        if (ref instanceof PrincipalRef.ById byId) {
            user = storage.users().find(account, new UserId(byId.id()));
        } else if (ref instanceof PrincipalRef.ByEmail byEmail) {
            user = storage.users().findByEmail(account, byEmail.email());
        }
        return user.orElseThrow(
                () -> new NotFoundException("user " + describe(ref) + " not found in account " + account));
    }

    /** A user or a key of the account; a UUID is tried as a user's id first, then as a key's. */
    Named principal(AccountName account, PrincipalRef ref) {
        Optional<Named> found;
        if (ref instanceof PrincipalRef.ById byId) {
            found = storage.users()
                    .find(account, new UserId(byId.id()))
                    .map(AccountScope::named)
                    .or(() -> storage.keys()
                            .find(account, new AppKeyId(byId.id()))
                            .map(AccountScope::named));
        } else if (ref instanceof PrincipalRef.ByEmail byEmail) {
            found = storage.users().findByEmail(account, byEmail.email()).map(AccountScope::named);
        } else {
            found = storage.keys()
                    .findByAppKey(((PrincipalRef.ByAppKey) ref).appKey())
                    .filter(key -> key.account().equals(account))
                    .map(AccountScope::named);
        }
        return found.orElseThrow(
                () -> new NotFoundException("no user or app key " + describe(ref) + " in account " + account));
    }

    /**
     * Who may be granted the account's roles: one of its users or keys, or a key of another account named by its
     * appKey (VTEX's external app keys), which is then granted only what this account grants it.
     */
    Named grantee(AccountName account, PrincipalRef ref) {
        if (ref instanceof PrincipalRef.ByAppKey byAppKey
                && !byAppKey.appKey().account().equals(account)) {
            return storage.keys()
                    .findByAppKey(byAppKey.appKey())
                    .map(key -> new Named(key.id(), "external appkey:" + key.appKey(), Optional.of(key)))
                    .orElseThrow(() -> new NotFoundException("no app key " + byAppKey.appKey() + " exists"));
        }
        return principal(account, ref);
    }

    /** A role of the account; an unknown one is bad input, {@link UnknownRoleException}. */
    Role role(AccountName account, RoleId id) {
        return storage.roles().find(account, id).orElseThrow(() -> new UnknownRoleException(id, account));
    }

    private static Named named(User user) {
        return new Named(user.id(), "user:" + user.email(), Optional.empty());
    }

    private static Named named(AppKey key) {
        return new Named(key.id(), "appkey:" + key.appKey(), Optional.of(key));
    }

    private static String describe(PrincipalRef ref) {
        return ref.toString();
    }

    /** A resolved principal, how the audit log names it, and its key when it is one. */
    record Named(PrincipalId id, String label, Optional<AppKey> key) {}
}
