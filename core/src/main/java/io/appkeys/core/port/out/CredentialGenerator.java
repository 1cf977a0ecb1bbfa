package io.appkeys.core.port.out;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;

/** Makes new credentials: public names for keys and secret tokens. */
public interface CredentialGenerator {

    /** A fresh appKey for a key of {@code account}; it may collide with a stored one, and is then retried. */
    AppKeyName newAppKey(AccountName account);

    /** A fresh, unpredictable appToken. */
    AppToken newAppToken();
}
