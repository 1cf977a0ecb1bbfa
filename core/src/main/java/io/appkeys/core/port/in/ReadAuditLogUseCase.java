package io.appkeys.core.port.in;

import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;

/** Reads the audit log of the caller's account, oldest first. */
public interface ReadAuditLogUseCase {

    Page<AuditEntry> readAuditLog(Caller caller, PageRequest page);
}
