package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.port.in.Attempt;

/**
 * A well-formed signed token as presented: the token, its keyed digest computed once (what the cache compares),
 * its source, and when its check began.
 */
record PresentedToken(SignedToken token, byte[] digest, String source, long startedMillis) implements Attempt {

    @Override
    public String toString() {
        return "PresentedToken[token=redacted, source=" + source + "]";
    }
}
