package io.appkeys.core.port.in;

import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.IpAddress;
import java.util.Optional;

/** Turns an appKey and an appToken, as received, into a principal or one uniform rejection. */
public interface AuthenticateUseCase {

    /** The source of attempts that name none: they share one throttle per appKey. */
    String UNNAMED_SOURCE = "";

    /**
     * Reads what a caller presented: both values may be null or anything at all. {@code source} says where it
     * comes from (a client address, for example): failed attempts are throttled per appKey and source, so
     * failures from one source never hold back the same appKey presented from another. {@code from} is the
     * caller's address when it is known: a key restricted to networks refuses a caller outside them, and one whose
     * address is not known. A refusal's time is counted from here.
     */
    Attempt attempt(String appKey, String appToken, String source, Optional<IpAddress> from);

    /** {@link #attempt(String, String, String, Optional)} from a caller whose address is not known. */
    default Attempt attempt(String appKey, String appToken, String source) {
        return attempt(appKey, appToken, source, Optional.empty());
    }

    /**
     * Reads a signed token a caller presented in the place of a key pair (VTEX's {@code VtexIdclientAutCookie}),
     * which may be null or anything at all. It is decided as a pair is, by the two methods below: it stands for
     * its key as the key is now (active, its appToken still valid, its current roles), until it expires. Signed
     * tokens cannot be guessed, so they are not throttled. A token obtained with a key restricted to networks is
     * restricted as the key is, by {@code from}.
     */
    Attempt attemptToken(String signedToken, String source, Optional<IpAddress> from);

    /** {@link #attemptToken(String, String, Optional)} from a caller whose address is not known. */
    default Attempt attemptToken(String signedToken, String source) {
        return attemptToken(signedToken, source, Optional.empty());
    }

    /**
     * The decision when it can be made without blocking (a malformed value, a verified pair in the cache, a
     * throttled source); empty when it needs the store and the slow hash, that is when the caller should move
     * to a thread that may block and call {@link #authenticate(Attempt)}. Lets an event-loop server answer most
     * requests inline.
     */
    Optional<AuthenticationResult> authenticateWithoutBlocking(Attempt attempt);

    /** The decision, reading the store and checking the token's hash when it must. */
    AuthenticationResult authenticate(Attempt attempt);

    /** Reads and decides at once, for a caller on a thread that may block. */
    default AuthenticationResult authenticate(String appKey, String appToken, String source) {
        return authenticate(attempt(appKey, appToken, source));
    }

    /** {@link #authenticate(String, String, String)} from an unnamed source. */
    default AuthenticationResult authenticate(String appKey, String appToken) {
        return authenticate(appKey, appToken, UNNAMED_SOURCE);
    }
}
