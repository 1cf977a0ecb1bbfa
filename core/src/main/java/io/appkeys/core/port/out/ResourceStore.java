package io.appkeys.core.port.out;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import java.util.List;
import java.util.Optional;

/** Stores the resources each account defines. */
public interface ResourceStore {

    /** @throws io.appkeys.core.domain.ConflictException when the account has a resource of that name */
    void insert(AccountName account, Resource resource);

    Optional<Resource> find(AccountName account, ResourceName name);

    /** The account's resources by product, then name. */
    List<Resource> list(AccountName account);
}
