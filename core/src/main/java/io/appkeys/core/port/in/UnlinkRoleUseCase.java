package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RoleId;

/** Unlinks a role from a user or key; it stops granting from the next request on. */
public interface UnlinkRoleUseCase {

    void unlinkRole(Caller caller, PrincipalRef principal, RoleId role);
}
