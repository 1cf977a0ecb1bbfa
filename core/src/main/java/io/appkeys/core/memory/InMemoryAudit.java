package io.appkeys.core.memory;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.port.out.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The audit log in memory: a list that only grows. */
final class InMemoryAudit implements AuditLog {

    private final MemoryTransactions memory;
    private final List<AuditEntry> entries = new ArrayList<>();

    InMemoryAudit(MemoryTransactions memory) {
        this.memory = memory;
    }

    @Override
    public AuditEntry append(AuditEvent event) {
        return memory.locked(() -> {
            AuditEntry entry = new AuditEntry(entries.size() + 1L, event);
            entries.add(entry);
            memory.onRollback(() -> entries.remove(entries.size() - 1));
            return entry;
        });
    }

    @Override
    public Page<AuditEntry> list(AccountName account, PageRequest page) {
        long after = page.after().map(Cursor::sequence).orElse(0L);
        return memory.locked(() -> Page.fromRows(
                entries.stream()
                        .filter(e -> e.sequence() > after && e.event().account().equals(account))
                        .limit(page.limit() + 1L)
                        .toList(),
                page.limit(),
                e -> Cursor.atSequence(e.sequence())));
    }

    @Override
    public Page<AuditEntry> listNewestFirst(AccountName account, PageRequest page) {
        long before = page.after().map(Cursor::sequence).orElse(Long.MAX_VALUE);
        return memory.locked(() -> Page.fromRows(
                IntStream.iterate(entries.size() - 1, i -> i >= 0, i -> i - 1)
                        .mapToObj(entries::get)
                        .filter(e ->
                                e.sequence() < before && e.event().account().equals(account))
                        .limit(page.limit() + 1L)
                        .toList(),
                page.limit(),
                e -> Cursor.atSequence(e.sequence())));
    }
}
