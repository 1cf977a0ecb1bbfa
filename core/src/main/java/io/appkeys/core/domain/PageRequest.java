package io.appkeys.core.domain;

import java.util.Objects;
import java.util.Optional;

/** Asks for up to {@code limit} items after the cursor that the previous page returned (or from the start). */
public record PageRequest(Optional<Cursor> after, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("page size must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    public static PageRequest first() {
        return first(DEFAULT_LIMIT);
    }

    public PageRequest next(Cursor cursor) {
        return new PageRequest(Optional.of(cursor), limit);
    }
}
