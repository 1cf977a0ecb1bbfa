package io.appkeys.core.memory;

import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Keyset paging over (creation time, id), the order every store lists keys and users in. */
final class Keyset {

    private Keyset() {}

    static <T> Page<T> page(Collection<T> all, PageRequest request, Function<T, Instant> time, Function<T, UUID> id) {
        Comparator<T> order = Comparator.comparing(time).thenComparing(id, MemoryTransactions.UUID_ORDER);
        List<T> rows = all.stream()
                .filter(item -> request.after()
                        .map(after -> isAfter(time.apply(item), id.apply(item), after))
                        .orElse(true))
                .sorted(order)
                .limit(request.limit() + 1L)
                .toList();
        return Page.fromRows(rows, request.limit(), item -> Cursor.at(time.apply(item), id.apply(item)));
    }

    private static boolean isAfter(Instant time, UUID id, Cursor cursor) {
        int byTime = time.compareTo(cursor.time());
        return byTime > 0 || (byTime == 0 && MemoryTransactions.UUID_ORDER.compare(id, cursor.id()) > 0);
    }
}
