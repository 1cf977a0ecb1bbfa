package io.appkeys.core.port.in;

import io.appkeys.core.domain.Decision;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.domain.ResourceName;

/** Decides whether a principal's roles grant a resource. */
public interface AuthorizeUseCase {

    Decision authorize(Principal principal, ResourceName resource);
}
