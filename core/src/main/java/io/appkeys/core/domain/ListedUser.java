package io.appkeys.core.domain;

import java.util.Objects;

/** A user as the account's user list shows it: with whether it is the account's master user. */
public record ListedUser(User user, boolean master) {

    public ListedUser {
        Objects.requireNonNull(user, "user");
    }
}
