package io.appkeys.core.port.in;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.PersonName;
import java.util.Objects;
import java.util.Optional;

/** The command to create an account: its name, its master user, and where the operator acts from. */
public record NewAccount(AccountName name, Email masterEmail, Optional<PersonName> masterName, String origin) {

    public NewAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(masterEmail, "masterEmail");
        Objects.requireNonNull(masterName, "masterName");
        Objects.requireNonNull(origin, "origin");
    }
}
