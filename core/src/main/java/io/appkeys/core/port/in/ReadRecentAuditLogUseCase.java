package io.appkeys.core.port.in;

import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;

/** Reads the audit log of the caller's account, newest first: what a person looking at recent changes wants. */
public interface ReadRecentAuditLogUseCase {

    /** A page of entries, newest first; the page's cursor leads to older entries. */
    Page<AuditEntry> readRecentAuditLog(Caller caller, PageRequest page);
}
