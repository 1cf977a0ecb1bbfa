package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.User;
import java.util.Optional;

/** Adds a user to the caller's account. */
public interface AddUserUseCase {

    User addUser(Caller caller, Email email, Optional<PersonName> name);
}
