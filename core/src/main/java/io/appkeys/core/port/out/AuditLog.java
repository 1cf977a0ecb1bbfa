package io.appkeys.core.port.out;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;

/** The append-only record of changes. Nothing is ever updated or deleted. */
public interface AuditLog {

    AuditEntry append(AuditEvent event);

    /** The account's events, oldest first, by keyset on the sequence. */
    Page<AuditEntry> list(AccountName account, PageRequest page);

    /** The account's events, newest first, by keyset on the sequence: the cursor leads to older events. */
    Page<AuditEntry> listNewestFirst(AccountName account, PageRequest page);
}
