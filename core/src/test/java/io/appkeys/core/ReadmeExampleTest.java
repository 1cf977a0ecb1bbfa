package io.appkeys.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.port.in.NewAccount;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The embedding example of README.md, line for line, so the README stays true. */
class ReadmeExampleTest {

    @Test
    void theReadmeExample_works() {
        boolean allowed;
        // --- README example starts (the builder's .argon2(...) line is the only addition, for speed) ---
        try (AppKeys appKeys = AppKeys.builder().argon2(Argon2Parameters.fast()).build()) {
            Account acme = appKeys.createAccount(
                    new NewAccount(new AccountName("acme"), new Email("owner@acme.com"), Optional.empty(), "my-app"));
            Caller owner = Caller.master(acme, "my-app");

            CreatedAppKey key = appKeys.createAppKey(owner, new Label("orders sync"));
            String appKey = key.key().appKey().value(); // public: vtexappkey-acme-XXXXXX
            String appToken = key.token().reveal(); // secret, shown this once

            Role admin = appKeys.listRoles(owner).get(0); // "Owner (Admin Super)"
            appKeys.linkRoles(owner, PrincipalRef.parse(appKey), Set.of(admin.id()));

            // On every request, with the two headers' values:
            AuthenticationResult result = appKeys.authenticate(appKey, appToken);
            allowed = result instanceof AuthenticationResult.Authenticated ok
                    && appKeys.authorize(ok.principal(), LicenseManager.VIEW_API_KEYS)
                            .allowed();
        }
        // --- README example ends ---
        assertTrue(allowed);
    }
}
