package io.appkeys.core.port.in;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;
import java.time.Instant;
import java.util.Optional;

/**
 * Sets or clears a key's expiry: from that instant on, the key fails authentication exactly as an inactive key
 * does, and so do the signed tokens obtained with it.
 */
public interface SetAppKeyExpiryUseCase {

    /**
     * The key with its new expiry; empty {@code expiresIn} for a key that never expires.
     *
     * @throws io.appkeys.core.domain.InvalidInputException when {@code expiresIn} is not in the future
     */
    AppKey setAppKeyExpiry(Caller caller, KeyRef key, Optional<Instant> expiresIn);
}
