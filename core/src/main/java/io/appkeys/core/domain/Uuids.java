package io.appkeys.core.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing: {@link UUID#fromString} accepts short forms such as {@code 1-1-1-1-1}. */
public final class Uuids {

    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    public static boolean isUuid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    public static UUID parse(String text, String what) {
        if (!isUuid(text)) {
            throw new InvalidInputException(what + " " + Text.quote(text) + " is not a UUID");
        }
        return UUID.fromString(text);
    }
}
