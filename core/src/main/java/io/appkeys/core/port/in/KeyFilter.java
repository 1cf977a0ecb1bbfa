package io.appkeys.core.port.in;

import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.Label;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of an account's keys a list holds: those whose label contains {@code label} ignoring case, that are
 * active (or inactive) as {@code active} says, and, when {@code due}, whose token is due or overdue for renewal.
 * Every condition given must hold; an absent one holds for every key.
 */
public record KeyFilter(Optional<String> label, Optional<Boolean> active, boolean due) {

    /** Every key. */
    public static final KeyFilter ALL = new KeyFilter(Optional.empty(), Optional.empty(), false);

    /** The keys whose current token is due or overdue for renewal. */
    public static final KeyFilter DUE = ALL.withDue(true);

    /** @throws InvalidInputException when the label part is longer than a label can be, or not storable text */
    public KeyFilter {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(active, "active");
        label = label.map(String::strip).filter(part -> !part.isEmpty());
        label.ifPresent(KeyFilter::checkLabelPart);
    }

    /** Only the keys whose label contains {@code part}, ignoring case and surrounding spaces; blank or null: any. */
    public KeyFilter withLabel(String part) {
        return new KeyFilter(Optional.ofNullable(part), active, due);
    }

    /** Only the active keys (true) or only the inactive ones (false). */
    public KeyFilter withActive(boolean active) {
        return new KeyFilter(label, Optional.of(active), due);
    }

    /** Only the keys whose token is due or overdue for renewal (true), or regardless of it (false). */
    public KeyFilter withDue(boolean due) {
        return new KeyFilter(label, active, due);
    }

    private static void checkLabelPart(String part) {
        if (part.length() > Label.MAX_LENGTH) {
            throw new InvalidInputException("a label filter must be at most " + Label.MAX_LENGTH
                    + " characters (no label is longer), got " + part.length());
        }
        new Label(part); // a part of a label is text a label may hold: one line, no control characters
    }
}
