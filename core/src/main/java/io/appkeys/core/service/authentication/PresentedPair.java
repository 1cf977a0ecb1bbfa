package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.port.in.Attempt;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A well-formed attempt: the appKey and token parsed once, the token's keyed digest computed once (what the
 * credential cache compares), its source, the caller's address when known, when its check began, and what has been counted of it.
 */
record PresentedPair(
        AppKeyName appKey,
        AppToken token,
        byte[] digest,
        String source,
        Optional<IpAddress> from,
        long startedMillis,
        Tally tally)
        implements Attempt {

    /**
     * Names the pair without its token: concurrent checks of one pair from one address share one check; from two
     * addresses they do not, since a key's networks may let one in and not the other.
     */
    PairName name() {
        return new PairName(appKey, ByteBuffer.wrap(digest), from);
    }

    @Override
    public String toString() {
        return "PresentedPair[appKey=" + appKey + ", token=redacted, source=" + source + "]";
    }

    /** A pair's name: its appKey, its token's digest, compared by content, and the caller's address. */
    record PairName(AppKeyName appKey, ByteBuffer digest, Optional<IpAddress> from) {}
}
