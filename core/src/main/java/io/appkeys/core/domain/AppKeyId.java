package io.appkeys.core.domain;

import java.util.UUID;

/** An app key's id (VTEX's {@code id}), distinct from its public name, the appKey. */
public record AppKeyId(UUID value) implements PrincipalId {

    public AppKeyId {
        if (value == null) {
            throw new InvalidInputException("app key id is required");
        }
    }

    public static AppKeyId random() {
        return new AppKeyId(UUID.randomUUID());
    }

    /** Parses a UUID, with a clear message when it is not one. */
    public static AppKeyId parse(String text) {
        return new AppKeyId(Uuids.parse(text, "app key id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
