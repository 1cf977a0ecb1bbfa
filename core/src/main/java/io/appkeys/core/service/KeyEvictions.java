package io.appkeys.core.service;

import io.appkeys.core.domain.AppKeyName;

/**
 * Where the use cases say that a key changed, once the change is committed: whatever was remembered of the key
 * (a verified credential, its principal) must be forgotten, so the change holds from the next request on.
 */
public interface KeyEvictions {

    void evict(AppKeyName appKey);
}
