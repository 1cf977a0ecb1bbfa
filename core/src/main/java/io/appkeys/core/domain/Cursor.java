package io.appkeys.core.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A keyset position: the sort key of the last item of a page, as an opaque URL-safe string. Lists sorted by
 * creation use (time, id); the audit log uses its sequence.
 */
public record Cursor(Instant time, UUID id, long sequence) {

    public Cursor {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(id, "id");
    }

    public static Cursor at(Instant time, UUID id) {
        return new Cursor(time, id, 0);
    }

    public static Cursor atSequence(long sequence) {
        return new Cursor(Instant.EPOCH, new UUID(0, 0), sequence);
    }

    public String encode() {
        String raw = time.getEpochSecond() + ":" + time.getNano() + ":" + id + ":" + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor made by {@link #encode()}; anything else is bad input. */
    public static Cursor decode(String text) {
        try {
            String raw =
                    new String(Base64.getUrlDecoder().decode(Text.required(text, "cursor")), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException();
            }
            Instant time = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new Cursor(time, Uuids.parse(parts[2], "cursor id"), Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor " + Text.quote(text) + " is not one this service returned");
        }
    }

    @Override
    public String toString() {
        return encode();
    }
}
