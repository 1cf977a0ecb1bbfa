package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.User;

/** Removes a user, and its role links, from the caller's account. The master user stays. */
public interface RemoveUserUseCase {

    /** @return the user as it was */
    User removeUser(Caller caller, PrincipalRef user);
}
