package io.appkeys.adapter.http;

import io.appkeys.core.domain.InvalidInputException;
import io.micronaut.core.annotation.Nullable;

/** A yes-or-no query parameter ({@code ?due=true}, {@code ?metadata=true}): absent or {@code false} is no. */
final class QueryFlag {

    private QueryFlag() {}

    /** Whether {@code value} is a flag's value at all: absent, {@code true} or {@code false}. */
    static boolean isFlag(@Nullable String value) {
        return value == null || value.equals("true") || value.equals("false");
    }

    /** The flag's value. @throws InvalidInputException for anything but absent, {@code true} or {@code false} */
    static boolean read(String name, @Nullable String value) {
        if (!isFlag(value)) {
            throw new InvalidInputException(name + " must be true or false, got " + value);
        }
        return "true".equals(value);
    }
}
