package io.appkeys.core.service.authentication;

/**
 * What has been counted of one attempt. An adapter may hand an attempt from a quick check to a full one, which
 * looks in the cache again and may give the same answer again; each attempt still counts once.
 */
final class Tally {

    private volatile boolean looked;
    private volatile boolean decided;

    /** True the first time only: the attempt's first look in the cache. */
    boolean firstLookup() {
        if (looked) {
            return false;
        }
        looked = true;
        return true;
    }

    /** True the first time only: the attempt's answer. */
    boolean firstAnswer() {
        if (decided) {
            return false;
        }
        decided = true;
        return true;
    }
}
