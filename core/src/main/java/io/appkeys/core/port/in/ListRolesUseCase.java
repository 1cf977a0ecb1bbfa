package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleWithProducts;
import java.util.List;

/** Lists the roles of the caller's account. */
public interface ListRolesUseCase {

    /** The account's roles, by id. */
    List<Role> listRoles(Caller caller);

    /** The account's roles, by id, each with the products of its resources, in one read of the store. */
    List<RoleWithProducts> listRolesWithProducts(Caller caller);
}
