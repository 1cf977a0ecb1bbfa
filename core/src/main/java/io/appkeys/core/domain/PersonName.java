package io.appkeys.core.domain;

/** A user's display name: one line of up to 100 characters. */
public record PersonName(String value) {

    public PersonName {
        Text.line(value, "name", 100);
    }

    @Override
    public String toString() {
        return value;
    }
}
