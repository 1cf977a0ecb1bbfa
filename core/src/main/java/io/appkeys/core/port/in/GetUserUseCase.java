package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.User;

/** Reads one user of the caller's account, by id or email. */
public interface GetUserUseCase {

    User getUser(Caller caller, PrincipalRef user);
}
