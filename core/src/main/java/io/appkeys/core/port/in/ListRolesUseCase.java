package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Role;
import java.util.List;

/** Lists the roles of the caller's account. */
public interface ListRolesUseCase {

    List<Role> listRoles(Caller caller);
}
