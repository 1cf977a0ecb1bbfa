package io.appkeys.core.port.in;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import java.util.Optional;

/** Finds an account by name. */
public interface FindAccountUseCase {

    Optional<Account> findAccount(AccountName name);
}
