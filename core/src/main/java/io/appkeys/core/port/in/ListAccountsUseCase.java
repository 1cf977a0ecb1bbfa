package io.appkeys.core.port.in;

import io.appkeys.core.domain.Account;
import java.util.List;

/** Lists every account; an operator's view. */
public interface ListAccountsUseCase {

    List<Account> listAccounts();
}
