package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bridges core's keyset pages to what VTEX's API offers: whole lists, and numbered pages
 * ({@code numItems}, {@code pageNumber} from 1) in the shape {@code {items, paging{page, perPage, total, pages}}}.
 */
final class Pages {

    static final int DEFAULT_PER_PAGE = 10;

    private Pages() {
    }

    /** Every item, read a thousand at a time. */
    static <T> List<T> all(Function<PageRequest, Page<T>> lister) {
        List<T> items = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> page = lister.apply(request);
            items.addAll(page.items());
            if (page.next().isEmpty()) {
                return items;
            }
            request = request.next(page.next().get());
        }
    }

    /** Page {@code number} of {@code perPage} items; the pages before it are skipped by keyset, not loaded whole. */
    static <T> List<T> numbered(Function<PageRequest, Page<T>> lister, Numbered numbered) {
        long skip = (long) (numbered.page() - 1) * numbered.perPage();
        Optional<Cursor> cursor = Optional.empty();
        while (skip > 0) {
            int limit = (int) Math.min(PageRequest.MAX_LIMIT, skip);
            Page<?> page = lister.apply(new PageRequest(cursor, limit));
            if (page.next().isEmpty()) {
                return List.of();
            }
            cursor = page.next();
            skip -= limit;
        }
        return lister.apply(new PageRequest(cursor, numbered.perPage())).items();
    }

    /** Page {@code number} of a list held whole. */
    static <T> List<T> numbered(List<T> all, Numbered numbered) {
        long from = (long) (numbered.page() - 1) * numbered.perPage();
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + numbered.perPage()));
    }

    /** VTEX's query parameters, checked: {@code numItems} 1 to 1000 (default 10), {@code pageNumber} from 1. */
    record Numbered(int page, int perPage) {

        static Numbered of(Integer pageNumber, Integer numItems) {
            int page = pageNumber == null ? 1 : pageNumber;
            int perPage = numItems == null ? DEFAULT_PER_PAGE : numItems;
            if (page < 1) {
                throw new InvalidInputException("pageNumber must be at least 1, got " + page);
            }
            if (perPage < 1 || perPage > PageRequest.MAX_LIMIT) {
                throw new InvalidInputException("numItems must be between 1 and " + PageRequest.MAX_LIMIT + ", got "
                        + perPage);
            }
            return new Numbered(page, perPage);
        }

        <T> Paged<T> page(List<T> items, long total) {
            long pages = (total + perPage - 1) / perPage;
            return new Paged<>(items, new Paging(page, perPage, total, pages));
        }
    }

    /** VTEX's paged list. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Paged<T>(List<T> items, Paging paging) {
    }

    record Paging(int page, int perPage, long total, long pages) {
    }
}
