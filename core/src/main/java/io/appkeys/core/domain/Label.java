package io.appkeys.core.domain;

/** What an app key is for, chosen by whoever creates it: one line of 1 to 100 characters. */
public record Label(String value) {

    public static final int MAX_LENGTH = 100;

    public Label {
        Text.line(value, "label", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
