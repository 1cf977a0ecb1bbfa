package io.appkeys.core.port.in;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.KeyPrincipal;
import java.util.Optional;

/**
 * Lets an authenticated key act in another account that granted it roles, as VTEX's external app keys do (the
 * {@code an} parameter names that account): there it holds only what that account granted, and nothing of its
 * own account's roles.
 */
public interface ActInAccountUseCase {

    /**
     * The key as it acts in {@code account}: itself in its own account; in another, with the resources
     * {@code account} granted it and without its metadata (its own account's word); empty when that account granted
     * it no role (then it may not act there at all).
     */
    Optional<KeyPrincipal> actIn(KeyPrincipal key, AccountName account);
}
