package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.NumberedPage;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserListing;

/** Lists the users of the caller's account in creation order. */
public interface ListUsersUseCase {

    /** A page after a cursor, for a client that walks the whole list. */
    Page<User> listUsers(Caller caller, PageRequest page);

    /** A numbered page, with the master user marked and the account's number of users, in one read. */
    UserListing listUsers(Caller caller, NumberedPage page);
}
