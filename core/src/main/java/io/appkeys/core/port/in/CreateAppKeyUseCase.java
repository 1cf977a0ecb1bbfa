package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Label;

/** Creates a key without roles; its token is returned this once and only its hash is kept. */
public interface CreateAppKeyUseCase {

    CreatedAppKey createAppKey(Caller caller, Label label);
}
