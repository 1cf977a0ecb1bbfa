package io.appkeys.core.domain;

import java.util.Set;

/** Whoever makes a request, with its account and the resources its roles grant. */
public sealed interface Principal permits UserPrincipal, KeyPrincipal {

    PrincipalId id();

    AccountName account();

    Set<ResourceName> resources();

    /** Whether this is the account's master user, who may always manage the account. */
    default boolean isMaster() {
        return false;
    }

    /** Whether this principal's roles grant {@code resource}; the master user holds every resource. */
    default boolean holds(ResourceName resource) {
        return isMaster() || resources().contains(resource);
    }

    /** How the audit log names this principal, for example {@code appkey:vtexappkey-acme-ABCDEF}. */
    String describe();
}
