package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.port.out.AuditLog;
import java.util.List;

/** The audit log: inserts only (a trigger refuses anything else), read by keyset on the sequence. */
final class JdbiAudit implements AuditLog {

    private final Db db;

    JdbiAudit(Db db) {
        this.db = db;
    }

    @Override
    public AuditEntry append(AuditEvent event) {
        long sequence = db.with(h -> h.createUpdate("INSERT INTO audit_events (account, at, actor, action, target,"
                        + " origin) VALUES (:account, :at, :actor, :action, :target, :origin)")
                .bind("account", event.account().value())
                .bind("at", Rows.time(event.at()))
                .bind("actor", event.actor())
                .bind("action", event.action().name())
                .bind("target", event.target())
                .bind("origin", event.origin())
                .executeAndReturnGeneratedKeys("sequence")
                .mapTo(Long.class)
                .one());
        return new AuditEntry(sequence, event);
    }

    @Override
    public Page<AuditEntry> list(AccountName account, PageRequest page) {
        long after = page.after().map(Cursor::sequence).orElse(0L);
        return read(account, page, "sequence > :edge ORDER BY sequence", after);
    }

    @Override
    public Page<AuditEntry> listNewestFirst(AccountName account, PageRequest page) {
        long before = page.after().map(Cursor::sequence).orElse(Long.MAX_VALUE);
        return read(account, page, "sequence < :edge ORDER BY sequence DESC", before);
    }

    private Page<AuditEntry> read(AccountName account, PageRequest page, String keyset, long edge) {
        List<AuditEntry> rows = db.with(h -> h.createQuery("SELECT sequence, account, at, actor, action, target,"
                        + " origin FROM audit_events WHERE account = :account AND " + keyset + " LIMIT :limit")
                .bind("account", account.value())
                .bind("edge", edge)
                .bind("limit", page.limit() + 1)
                .map((rs, ctx) -> new AuditEntry(
                        rs.getLong("sequence"),
                        new AuditEvent(
                                new AccountName(rs.getString("account")),
                                Rows.instant(rs, "at"),
                                rs.getString("actor"),
                                AuditAction.valueOf(rs.getString("action")),
                                rs.getString("target"),
                                rs.getString("origin"))))
                .list());
        return Page.fromRows(rows, page.limit(), entry -> Cursor.atSequence(entry.sequence()));
    }
}
