package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.port.in.Attempt;
import java.nio.ByteBuffer;

/**
 * A well-formed attempt: the appKey and token parsed once, the token's keyed digest computed once (what the
 * credential cache compares), its source, and when its check began.
 */
record PresentedPair(AppKeyName appKey, AppToken token, byte[] digest, String source, long startedMillis)
        implements Attempt {

    /** Names the pair without its token: concurrent checks of one pair share one check. */
    PairName name() {
        return new PairName(appKey, ByteBuffer.wrap(digest));
    }

    @Override
    public String toString() {
        return "PresentedPair[appKey=" + appKey + ", token=redacted, source=" + source + "]";
    }

    /** A pair's name: its appKey and its token's digest, compared by content. */
    record PairName(AppKeyName appKey, ByteBuffer digest) {}
}
