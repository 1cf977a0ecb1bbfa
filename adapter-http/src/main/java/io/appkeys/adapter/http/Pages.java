package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.NumberedPage;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What VTEX's API offers over core's lists: whole lists, and numbered pages ({@code numItems}, {@code pageNumber}
 * from 1) in the shape {@code {items, paging{page, perPage, total, pages}}}.
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

    /** VTEX's query parameters, read as given: {@code numItems} 1 to 1000 (default 10), {@code pageNumber} from 1. */
    static NumberedPage numbered(String pageNumber, String numItems) {
        int page = wholeNumber(pageNumber, "pageNumber", Integer.MAX_VALUE, 1);
        int perPage = wholeNumber(numItems, "numItems", PageRequest.MAX_LIMIT, DEFAULT_PER_PAGE);
        return new NumberedPage(page, perPage);
    }

    /** The page's items out of a list held whole. */
    static <T> List<T> slice(List<T> all, NumberedPage page) {
        if (page.offset() >= all.size()) {
            return List.of();
        }
        return all.subList((int) page.offset(), (int) Math.min(all.size(), page.offset() + page.size()));
    }

    /** VTEX's paged shape for the items of {@code page}, out of {@code total}. */
    static <T> Paged<T> paged(NumberedPage page, List<T> items, long total) {
        long pages = (total + page.size() - 1) / page.size();
        return new Paged<>(items, new Paging(page.number(), page.size(), total, pages));
    }

    /** The query parameter {@code name} as a whole number from 1 to {@code max}; {@code absent} when not given. */
    static int wholeNumber(String text, String name, int max, int absent) {
        if (text == null) {
            return absent;
        }
        String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
        String wanted = name + " must be a whole number from 1 to " + max + ", got '" + shown + "'";
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException(wanted.replaceAll("\\p{Cntrl}", "?"));
        }
        long value = Long.parseLong(text);
        if (value < 1 || value > max) {
            throw new InvalidInputException(wanted);
        }
        return (int) value;
    }

    /** VTEX's paged list. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Paged<T>(List<T> items, Paging paging) {}

    record Paging(int page, int perPage, long total, long pages) {}
}
