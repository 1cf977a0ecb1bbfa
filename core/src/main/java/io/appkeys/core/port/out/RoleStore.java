package io.appkeys.core.port.out;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.NewRole;
import io.appkeys.core.domain.PrincipalId;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleWithProducts;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stores roles and which principals they are linked to. */
public interface RoleStore {

    /**
     * Stores a role and gives it a new id.
     *
     * @throws io.appkeys.core.domain.ConflictException when the account has a role of that name
     */
    Role create(NewRole role);

    Optional<Role> find(AccountName account, RoleId id);

    /** The account's roles by id. */
    List<Role> list(AccountName account);

    /** The account's roles by id, each with the products of its resources: one read. */
    List<RoleWithProducts> listWithProducts(AccountName account);

    /**
     * Links a role of the account to a principal; linking twice changes nothing. Of concurrent calls for the
     * same link, exactly one reports the change.
     *
     * @return whether this call made the link; false when it existed already
     * @throws io.appkeys.core.domain.NotFoundException when the role is not one of the account's
     */
    boolean link(AccountName account, PrincipalId principal, RoleId role);

    /** @return whether a link was removed */
    boolean unlink(AccountName account, PrincipalId principal, RoleId role);

    /**
     * Removes every link of a principal, when it is deleted: those of its own account, and for a key those that
     * other accounts granted it (external keys).
     */
    void unlinkAll(AccountName account, PrincipalId principal);

    /** The roles linked to a principal, by id. */
    List<Role> rolesOf(AccountName account, PrincipalId principal);

    /**
     * The ids of the roles linked to each of {@code principals} (a page of them, for an export), in one read; a
     * principal without roles is left out.
     */
    Map<PrincipalId, Set<RoleId>> linksOf(AccountName account, Collection<? extends PrincipalId> principals);

    /** The union of the resources of the principal's roles. */
    default Set<ResourceName> resourcesOf(AccountName account, PrincipalId principal) {
        Set<ResourceName> resources = new HashSet<>();
        rolesOf(account, principal).forEach(role -> resources.addAll(role.resources()));
        return resources;
    }
}
