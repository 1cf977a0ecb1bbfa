package io.appkeys.core.port.in;

import io.appkeys.core.domain.Account;

/** Creates an account with its master user and the predefined resources and roles; an operator's act. */
public interface CreateAccountUseCase {

    /** @throws io.appkeys.core.domain.ConflictException when an account of that name exists */
    Account createAccount(NewAccount account);
}
