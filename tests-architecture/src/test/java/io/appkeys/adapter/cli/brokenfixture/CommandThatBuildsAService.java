package io.appkeys.adapter.cli.brokenfixture;

import io.appkeys.core.service.AuthorizationService;

/** Breaks the ports rule on purpose: a command building a use case's implementation instead of asking for it. */
public final class CommandThatBuildsAService {

    public AuthorizationService authorization() {
        return new AuthorizationService();
    }
}
