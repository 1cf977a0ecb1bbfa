package io.appkeys.core.service;

import io.appkeys.core.domain.Change;
import java.time.Instant;

/**
 * Told of each change that can alter an authentication or an authorization, twice. In its transaction, the
 * change is {@link #record recorded} in the store's change feed, which every process sharing the store follows.
 * Once it is {@link #committed}, whatever this process remembers of what changed is forgotten at once, so the
 * change holds from the next request on here; and the other processes that follow the feed are given a moment
 * to apply it before the change is confirmed.
 */
public interface ChangeListener {

    /** Records {@code change}, made at {@code at}, in the open transaction, as made by this process. */
    void record(Change change, Instant at);

    void committed(Change change);
}
