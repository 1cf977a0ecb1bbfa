package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.PrincipalRef;

/** Removes a user, and its role links, from the caller's account. The master user stays. */
public interface RemoveUserUseCase {

    void removeUser(Caller caller, PrincipalRef user);
}
