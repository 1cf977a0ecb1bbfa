package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.port.in.Attempt;
import java.util.Optional;

/**
 * A well-formed signed token as presented: the token, its keyed digest computed once (what the cache compares),
 * its source, the caller's address when known, when its check began, and what has been counted of it.
 */
record PresentedToken(
        SignedToken token, byte[] digest, String source, Optional<IpAddress> from, long startedMillis, Tally tally)
        implements Attempt {

    @Override
    public String toString() {
        return "PresentedToken[token=redacted, source=" + source + "]";
    }
}
