package io.appkeys.adapter.cli;

import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.PageRequest;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --limit} and {@code --after} of the paged lists (keyset pages: the cursor names the last item seen). */
final class PageOptions {

    @Option(
            names = "--limit",
            paramLabel = "<n>",
            defaultValue = "" + PageRequest.DEFAULT_LIMIT,
            description = "at most this many items, 1 to " + PageRequest.MAX_LIMIT + " (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(
            names = "--after",
            paramLabel = "<cursor>",
            description = "start after this cursor, printed by the previous page")
    Cursor after;

    PageRequest request() {
        return new PageRequest(Optional.ofNullable(after), limit);
    }
}
