package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A human principal of one account, identified by email. */
public record User(UserId id, AccountName account, Email email, Optional<PersonName> name, Instant createdIn) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdIn, "createdIn");
    }
}
