package io.appkeys.core.service;

import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.port.in.ReadAuditLogUseCase;
import io.appkeys.core.port.in.ReadRecentAuditLogUseCase;
import io.appkeys.core.port.out.Storage;

/** Reads the audit log; writing it is part of every changing use case. */
public final class AuditService implements ReadAuditLogUseCase, ReadRecentAuditLogUseCase {

    private final Storage storage;

    public AuditService(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Page<AuditEntry> readAuditLog(Caller caller, PageRequest page) {
        AccessPolicy.require(caller, AccessPolicy::mayReadAudit, "read the audit log");
        return storage.audit().list(caller.account(), page);
    }

    @Override
    public Page<AuditEntry> readRecentAuditLog(Caller caller, PageRequest page) {
        AccessPolicy.require(caller, AccessPolicy::mayReadAudit, "read the audit log");
        return storage.audit().listNewestFirst(caller.account(), page);
    }
}
