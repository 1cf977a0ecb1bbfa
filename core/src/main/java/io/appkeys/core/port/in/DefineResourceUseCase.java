package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Resource;

/** Defines a resource of the caller's account, for the account's own APIs. */
public interface DefineResourceUseCase {

    Resource defineResource(Caller caller, Resource resource);
}
