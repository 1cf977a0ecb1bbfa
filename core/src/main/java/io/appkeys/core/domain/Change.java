package io.appkeys.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a committed change can alter in an authentication or an authorization, as the change feed records it for
 * every process sharing the store: a key (by its appKey), a user (by id) or a role (by id), of an account. It
 * names, and never holds a secret.
 */
public record Change(AccountName account, Kind kind, String subject) {

    /** What the subject names. */
    public enum Kind {
        /** A key was activated, deactivated or deleted, a renewal of its token started or ended, or its roles changed. */
        KEY,
        /** A user was removed, or its roles changed. */
        USER,
        /** A role's resources changed. */
        ROLE
    }

    public Change {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        switch (kind) {
            case KEY -> {
                if (!new AppKeyName(subject).account().equals(account)) {
                    throw new InvalidInputException("appKey " + subject + " is not of account " + account);
                }
            }
            case USER -> UserId.parse(subject);
            case ROLE -> RoleId.parse(subject);
        }
    }

    public static Change of(AppKeyName appKey) {
        return new Change(appKey.account(), Kind.KEY, appKey.value());
    }

    public static Change of(AccountName account, UserId user) {
        return new Change(account, Kind.USER, user.toString());
    }

    public static Change of(AccountName account, RoleId role) {
        return new Change(account, Kind.ROLE, role.toString());
    }

    /** The key changed, when the change is to a key. */
    public Optional<AppKeyName> appKey() {
        return kind == Kind.KEY ? Optional.of(new AppKeyName(subject)) : Optional.empty();
    }
}
