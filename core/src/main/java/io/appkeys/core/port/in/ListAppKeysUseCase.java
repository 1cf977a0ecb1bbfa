package io.appkeys.core.port.in;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;

/** Lists the keys of the caller's account in creation order, never with a token. */
public interface ListAppKeysUseCase {

    Page<AppKey> listAppKeys(Caller caller, PageRequest page);
}
