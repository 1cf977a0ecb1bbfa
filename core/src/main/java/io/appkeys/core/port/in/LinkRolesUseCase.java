package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleLinks;
import java.util.Set;

/** Links roles of the caller's account to a user or key; they take effect from the next request on. */
public interface LinkRolesUseCase {

    /**
     * @return the roles named, those newly linked, and the principal's roles afterwards
     * @throws io.appkeys.core.domain.UnknownRoleException when a role does not exist, and links none
     */
    RoleLinks linkRoles(Caller caller, PrincipalRef principal, Set<RoleId> roles);
}
