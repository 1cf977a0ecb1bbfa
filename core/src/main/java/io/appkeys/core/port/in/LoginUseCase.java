package io.appkeys.core.port.in;

import io.appkeys.core.domain.LoginResult;

/**
 * Exchanges a key pair for a signed token (VTEX ID's {@code apptoken/login}), which then stands for the key in
 * the pair's place until it expires, and which any process holding the public keys can check.
 */
public interface LoginUseCase {

    /**
     * A signed token for the pair of {@code attempt} (from {@link AuthenticateUseCase#attempt}), which is
     * authenticated as any pair is, throttle included; refused exactly as that authentication would be.
     *
     * @throws IllegalArgumentException when the attempt presents a signed token rather than a key pair
     */
    LoginResult login(Attempt attempt);
}
