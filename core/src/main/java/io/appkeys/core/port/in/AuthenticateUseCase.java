package io.appkeys.core.port.in;

import io.appkeys.core.domain.AuthenticationResult;
import java.util.Optional;

/** Turns an appKey and an appToken, as received, into a principal or one uniform rejection. */
public interface AuthenticateUseCase {

    /**
     * Both values may be null or anything at all; they are checked here. {@code source} says where the
     * attempt comes from (a client address, for example): failed attempts are throttled per appKey and
     * source, so failures from one source never hold back the same appKey presented from another.
     */
    AuthenticationResult authenticate(String appKey, String appToken, String source);

    /**
     * The same decision when it can be made without blocking (a malformed value, a verified pair in the cache,
     * a throttled source); empty when it needs the store and the slow hash, that is when the caller should
     * move to a thread that may block and call {@link #authenticate}. Lets an event-loop server answer
     * most requests inline.
     */
    Optional<AuthenticationResult> authenticateWithoutBlocking(String appKey, String appToken, String source);

    /** An attempt from an unnamed source: all such attempts share one throttle per appKey. */
    default AuthenticationResult authenticate(String appKey, String appToken) {
        return authenticate(appKey, appToken, UNNAMED_SOURCE);
    }

    /** {@link #authenticateWithoutBlocking(String, String, String)} from an unnamed source. */
    default Optional<AuthenticationResult> authenticateWithoutBlocking(String appKey, String appToken) {
        return authenticateWithoutBlocking(appKey, appToken, UNNAMED_SOURCE);
    }

    /** The source of attempts that name none. */
    String UNNAMED_SOURCE = "";
}
