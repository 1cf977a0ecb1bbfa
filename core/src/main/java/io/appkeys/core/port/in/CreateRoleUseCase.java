package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleName;
import java.util.Set;

/** Creates a custom role of the caller's account from resources the account has. */
public interface CreateRoleUseCase {

    Role createRole(Caller caller, RoleName name, Set<ResourceName> resources);
}
