package io.appkeys.adapter.http.console;

import java.util.List;
import java.util.Optional;

/** The console's view of the audit log: every value already written for a person to read. */
public final class Audit {

    private Audit() {}

    /** One page of entries, newest first, and the link to older entries if there are any. */
    public record ListPage(List<Entry> entries, Optional<String> older, boolean first) {}

    /**
     * One change: when (for reading, and as ISO-8601 for {@code <time datetime>}), who made it, what it did, to what,
     * and from which address. Audit entries hold no secret, so neither does this.
     */
    public record Entry(String when, String iso, String actor, String action, String target, String origin) {}
}
