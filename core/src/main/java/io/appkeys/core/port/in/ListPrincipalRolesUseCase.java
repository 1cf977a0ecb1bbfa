package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import java.util.List;

/** Lists the roles linked to a user or key. */
public interface ListPrincipalRolesUseCase {

    List<Role> rolesOf(Caller caller, PrincipalRef principal);
}
