package io.appkeys.core.port.out;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.NumberedPage;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.domain.UserListing;
import java.util.Optional;

/** Stores the users of each account. */
public interface UserStore {

    /** @throws io.appkeys.core.domain.ConflictException when the account has a user with that email */
    void insert(User user);

    Optional<User> find(AccountName account, UserId id);

    Optional<User> findByEmail(AccountName account, Email email);

    /** The account's users in creation order, by keyset. */
    Page<User> list(AccountName account, PageRequest page);

    /**
     * Page {@code page} of the account's users in creation order, each marked when it is the master user, with
     * the account's number of users: one read, whatever the page.
     */
    UserListing page(AccountName account, NumberedPage page);

    /** @return whether a user was deleted */
    boolean delete(AccountName account, UserId id);
}
