package io.appkeys.core.port.out;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import java.util.Optional;

/** Stores the users of each account. */
public interface UserStore {

    /** @throws io.appkeys.core.domain.ConflictException when the account has a user with that email */
    void insert(User user);

    Optional<User> find(AccountName account, UserId id);

    Optional<User> findByEmail(AccountName account, Email email);

    /** The account's users in creation order, by keyset. */
    Page<User> list(AccountName account, PageRequest page);

    long count(AccountName account);

    /** @return whether a user was deleted */
    boolean delete(AccountName account, UserId id);
}
