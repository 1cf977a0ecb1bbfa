package io.appkeys.core.port.in;

import io.appkeys.core.domain.AuthenticationResult;

/** Turns an appKey and an appToken, as received, into a principal or one uniform rejection. */
public interface AuthenticateUseCase {

    /** Both values may be null or anything at all; they are checked here. */
    AuthenticationResult authenticate(String appKey, String appToken);

    /**
     * The same decision when it can be made without blocking (a malformed value, a verified pair in the cache,
     * a throttled appKey); empty when it needs the store and the slow hash, that is when the caller should
     * move to a thread that may block and call {@link #authenticate}. Lets an event-loop server answer
     * most requests inline.
     */
    java.util.Optional<AuthenticationResult> authenticateWithoutBlocking(String appKey, String appToken);
}
