package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A tenant. Its master user (the account's contact) may always manage its keys, users and roles. */
public record Account(UUID id, AccountName name, UserId masterUserId, Email masterEmail, Instant createdIn) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(masterUserId, "masterUserId");
        Objects.requireNonNull(masterEmail, "masterEmail");
        Objects.requireNonNull(createdIn, "createdIn");
    }
}
