package io.appkeys.core.domain;

/** What an audited change did. */
public enum AuditAction {
    ACCOUNT_CREATED,
    USER_ADDED,
    USER_REMOVED,
    KEY_CREATED,
    KEY_ACTIVATED,
    KEY_DEACTIVATED,
    KEY_DELETED,
    KEY_EXPIRY_SET,
    TOKEN_RENEWED,
    RENEWAL_FINISHED,
    RENEWAL_CANCELLED,
    RESOURCE_DEFINED,
    ROLE_CREATED,
    ROLE_LINKED,
    ROLE_UNLINKED
}
