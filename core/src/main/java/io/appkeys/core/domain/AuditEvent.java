package io.appkeys.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited change: who ({@code actor}), what ({@code action} on {@code target}), when, and from where.
 * It names things by id or public name only; it never holds a secret.
 */
public record AuditEvent(
        AccountName account, Instant at, String actor, AuditAction action, String target, String origin) {

    public AuditEvent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Text.line(actor, "actor", 300);
        Objects.requireNonNull(action, "action");
        Text.line(target, "target", 300);
        Text.line(origin, "origin", 100);
    }

    /** An event of {@code caller}'s account, made by {@code caller}. */
    public static AuditEvent by(Caller caller, Instant at, AuditAction action, String target) {
        return new AuditEvent(caller.account(), at, caller.principal().describe(), action, target, caller.origin());
    }
}
