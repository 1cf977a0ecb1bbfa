package io.appkeys.core.domain;

import java.util.regex.Pattern;

/** An account's name, as VTEX account names: a lowercase letter, then 1 to 39 lowercase letters or digits. */
public record AccountName(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9]{1,39}");

    public AccountName {
        Text.required(value, "account name");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("account name " + Text.quote(value)
                    + " must be a lowercase letter followed by 1 to 39 lowercase letters or digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
