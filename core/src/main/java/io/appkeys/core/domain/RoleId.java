package io.appkeys.core.domain;

/** A role's id, a positive integer as VTEX's. */
public record RoleId(int value) {

    public RoleId {
        if (value < 1) {
            throw new InvalidInputException("role id must be a positive integer, got " + value);
        }
    }

    /** Parses a positive integer, with a clear message when it is not one. */
    public static RoleId parse(String text) {
        try {
            return new RoleId(Integer.parseInt(Text.required(text, "role id")));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("role id " + Text.quote(text) + " must be a positive integer");
        }
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
