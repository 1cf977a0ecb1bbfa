package io.appkeys.core.domain;

/** A role's name: one line of 1 to 100 characters. */
public record RoleName(String value) {

    public RoleName {
        Text.line(value, "role name", 100);
    }

    @Override
    public String toString() {
        return value;
    }
}
