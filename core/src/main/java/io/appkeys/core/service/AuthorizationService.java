package io.appkeys.core.service;

import io.appkeys.core.domain.Decision;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.port.in.AuthorizeUseCase;

/** A principal is allowed a resource when its roles grant it; the master user holds every resource. */
public final class AuthorizationService implements AuthorizeUseCase {

    @Override
    public Decision authorize(Principal principal, ResourceName resource) {
        return principal.holds(resource) ? Decision.ALLOWED : Decision.DENIED;
    }
}
