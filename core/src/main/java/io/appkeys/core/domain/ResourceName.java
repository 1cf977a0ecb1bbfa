package io.appkeys.core.domain;

import java.util.regex.Pattern;

/** A permission's name, such as {@code ViewApiKeys} or {@code orders.read}. */
public record ResourceName(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,99}");

    public ResourceName {
        Text.required(value, "resource name");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("resource name " + Text.quote(value)
                    + " must be a letter followed by up to 99 letters, digits or _ . : -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
