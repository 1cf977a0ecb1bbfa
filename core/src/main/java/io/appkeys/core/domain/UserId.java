package io.appkeys.core.domain;

import java.util.UUID;

/** A user's id. */
public record UserId(UUID value) implements PrincipalId {

    public UserId {
        if (value == null) {
            throw new InvalidInputException("user id is required");
        }
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Parses a UUID, with a clear message when it is not one. */
    public static UserId parse(String text) {
        return new UserId(Uuids.parse(text, "user id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
