package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Overloaded;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.AuthenticationResult.Throttled;
import io.appkeys.core.domain.RejectionReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Attempts by answer and by what the cache could say of them, each attempt once; totals only, no appKey. */
final class AuthenticationCounts {

    private final LongAdder authenticated = new LongAdder();
    private final Map<RejectionReason, LongAdder> rejected = new EnumMap<>(RejectionReason.class);
    private final LongAdder throttled = new LongAdder();
    private final LongAdder overloaded = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    AuthenticationCounts() {
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, new LongAdder());
        }
    }

    void lookedUp(Tally tally, boolean hit) {
        if (tally.firstLookup()) {
            (hit ? hits : misses).increment();
        }
    }

    /** Counts the answer if it is the attempt's first; says whether it was. */
    boolean answered(Tally tally, AuthenticationResult result) {
        if (!tally.firstAnswer()) {
            return false;
        }
        if (result instanceof Authenticated) {
            authenticated.increment();
        } else if (result instanceof Rejected refusal) {
            rejected.get(refusal.reason()).increment();
        } else if (result instanceof Throttled) {
            throttled.increment();
        } else if (result instanceof Overloaded) {
            overloaded.increment();
        }
        return true;
    }

    long authenticated() {
        return authenticated.sum();
    }

    Map<RejectionReason, Long> rejected() {
        Map<RejectionReason, Long> counts = new EnumMap<>(RejectionReason.class);
        rejected.forEach((reason, adder) -> counts.put(reason, adder.sum()));
        return counts;
    }

    long throttled() {
        return throttled.sum();
    }

    long overloaded() {
        return overloaded.sum();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }
}
