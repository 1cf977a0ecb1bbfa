package io.appkeys.core.domain.brokenfixture;

import io.appkeys.core.service.AuthorizationService;

/** Breaks the onion on purpose: the domain reaching out to an application service. */
public final class DomainThatCallsAService {

    public AuthorizationService authorization() {
        return new AuthorizationService();
    }
}
