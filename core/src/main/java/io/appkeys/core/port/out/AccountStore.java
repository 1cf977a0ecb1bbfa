package io.appkeys.core.port.out;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import java.util.List;
import java.util.Optional;

/** Stores accounts. */
public interface AccountStore {

    /** @throws io.appkeys.core.domain.ConflictException when an account of that name exists */
    void insert(Account account);

    Optional<Account> find(AccountName name);

    /** Every account, by name. */
    List<Account> list();
}
