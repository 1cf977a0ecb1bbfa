package io.appkeys.core.domain;

import java.util.Objects;

/** A stored audit event with its place in the log; sequences grow with every append. */
public record AuditEntry(long sequence, AuditEvent event) {

    public AuditEntry {
        if (sequence < 1) {
            throw new InvalidInputException("audit sequence must be positive, got " + sequence);
        }
        Objects.requireNonNull(event, "event");
    }
}
