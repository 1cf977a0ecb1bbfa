package io.appkeys.core.port.in;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;

/** Deletes a key, its tokens and its role links. */
public interface DeleteAppKeyUseCase {

    /** @return the key as it was */
    AppKey deleteAppKey(Caller caller, KeyRef key);
}
