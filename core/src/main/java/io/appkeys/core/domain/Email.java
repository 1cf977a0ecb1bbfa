package io.appkeys.core.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A user's email, kept in lower case so one address names one user. */
public record Email(String value) {

    private static final Pattern FORMAT = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_LENGTH = 254;

    public Email {
        Text.required(value, "email");
        value = Text.storable(value.strip(), "email").toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("email " + Text.quote(value) + " is not a valid email address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
