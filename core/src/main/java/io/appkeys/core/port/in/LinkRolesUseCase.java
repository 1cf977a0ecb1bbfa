package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RoleId;
import java.util.Set;

/** Links roles of the caller's account to a user or key; they take effect from the next request on. */
public interface LinkRolesUseCase {

    /** @throws io.appkeys.core.domain.InvalidInputException when a role does not exist, and links none */
    void linkRoles(Caller caller, PrincipalRef principal, Set<RoleId> roles);
}
