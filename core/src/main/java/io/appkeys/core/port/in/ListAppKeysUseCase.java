package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;

/**
 * Lists the keys of the caller's account in creation order, each with where its tokens stand (age, renewal),
 * never with a token.
 */
public interface ListAppKeysUseCase {

    default Page<ListedAppKey> listAppKeys(Caller caller, PageRequest page) {
        return listAppKeys(caller, page, KeyFilter.ALL);
    }

    Page<ListedAppKey> listAppKeys(Caller caller, PageRequest page, KeyFilter filter);
}
