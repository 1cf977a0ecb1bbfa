package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleLinks;

/** Unlinks a role from a user or key; it stops granting from the next request on. */
public interface UnlinkRoleUseCase {

    /**
     * @return the role named, whether it was linked (and so is no longer), and the principal's roles afterwards
     * @throws io.appkeys.core.domain.UnknownRoleException when the role does not exist
     */
    RoleLinks unlinkRole(Caller caller, PrincipalRef principal, RoleId role);
}
