package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.port.in.Attempt;
import java.util.Optional;

/**
 * A well-formed signed token as presented: the token, its keyed digest computed once (what the cache compares),
 * its source, the caller's address when known, and when its check began.
 */
record PresentedToken(SignedToken token, byte[] digest, String source, Optional<IpAddress> from, long startedMillis)
        implements Attempt {

    @Override
    public String toString() {
        return "PresentedToken[token=redacted, source=" + source + "]";
    }
}
