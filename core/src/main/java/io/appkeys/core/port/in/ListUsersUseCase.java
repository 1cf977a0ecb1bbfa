package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.User;

/** Lists the users of the caller's account in creation order. */
public interface ListUsersUseCase {

    Page<User> listUsers(Caller caller, PageRequest page);

    long countUsers(Caller caller);
}
