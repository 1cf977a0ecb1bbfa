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

    private Pages() {}

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

        /** Reads the two parameters as given in the query string; absent ones take their defaults. */
        static Numbered of(String pageNumber, String numItems) {
            int page = wholeNumber(pageNumber, "pageNumber", 1, Integer.MAX_VALUE, 1);
            int perPage = wholeNumber(numItems, "numItems", 1, PageRequest.MAX_LIMIT, DEFAULT_PER_PAGE);
            return new Numbered(page, perPage);
        }

        private static int wholeNumber(String text, String name, int min, int max, int absent) {
            if (text == null) {
                return absent;
            }
            String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
            String wanted = name + " must be a whole number from " + min + " to " + max + ", got '" + shown + "'";
            if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidInputException(wanted.replaceAll("\\p{Cntrl}", "?"));
            }
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new InvalidInputException(wanted);
            }
            return (int) value;
        }

        <T> Paged<T> page(List<T> items, long total) {
            long pages = (total + perPage - 1) / perPage;
            return new Paged<>(items, new Paging(page, perPage, total, pages));
        }
    }

    /** VTEX's paged list. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Paged<T>(List<T> items, Paging paging) {}

    record Paging(int page, int perPage, long total, long pages) {}
}
