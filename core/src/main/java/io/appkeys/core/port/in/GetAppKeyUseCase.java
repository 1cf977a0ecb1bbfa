package io.appkeys.core.port.in;

import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;

/** Reads one key of the caller's account with its token status and roles, never with a token. */
public interface GetAppKeyUseCase {

    AppKeyDetails getAppKey(Caller caller, KeyRef key);
}
