package io.appkeys.core.port.in;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;

/** Activates or deactivates a key; a deactivated key fails authentication from the next request on. */
public interface SetAppKeyActiveUseCase {

    AppKey setAppKeyActive(Caller caller, KeyRef key, boolean active);
}
