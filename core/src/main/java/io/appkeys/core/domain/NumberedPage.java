package io.appkeys.core.domain;

/** Page {@code number} (from 1) of {@code size} items (1 to 1000), as VTEX's paged lists ask for them. */
public record NumberedPage(int number, int size) {

    public NumberedPage {
        if (number < 1) {
            throw new InvalidInputException("page number must be at least 1, got " + number);
        }
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            throw new InvalidInputException(
                    "page size must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + size);
        }
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) (number - 1) * size;
    }
}
