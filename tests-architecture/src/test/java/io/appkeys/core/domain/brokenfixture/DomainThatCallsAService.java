package io.appkeys.core.domain.brokenfixture;

import io.appkeys.core.service.CredentialCache;

/** Breaks the onion on purpose: the domain reaching out to an application service. */
public final class DomainThatCallsAService {

    public CredentialCache cache() {
        return new CredentialCache(1);
    }
}
