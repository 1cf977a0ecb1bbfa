package io.appkeys.adapter.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Prints what a command shows: aligned tables and details for people, or JSON with {@code --json}. */
final class Output {

    private static final String GAP = "  ";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** Standard output itself, for a command that writes a format of its own (an export). */
    PrintWriter writer() {
        return out;
    }

    /** One thing: a JSON object, or one aligned {@code name  value} line per field. */
    void show(View item) {
        if (json) {
            Json.print(out, item);
            return;
        }
        int width =
                item.values().keySet().stream().mapToInt(String::length).max().orElse(0);
        item.values().forEach((name, value) -> out.println(pad(name, width) + GAP + human(value)));
        out.flush();
    }

    /** One thing, then a notice: after it for people, on stderr with {@code --json} so stdout stays JSON. */
    void show(View item, String notice) {
        show(item);
        PrintWriter target = json ? err : out;
        target.println(notice);
        target.flush();
    }

    /** A whole list: a JSON array, or a table of {@code columns} (a line saying so when it is empty). */
    void list(List<View> items, String whenEmpty, String... columns) {
        if (json) {
            Json.print(out, items);
        } else {
            table(items, whenEmpty, columns);
        }
    }

    /** One page of a list: JSON {@code {items, next}}, or a table and how to ask for the next page. */
    void page(List<View> items, Optional<String> next, String whenEmpty, String... columns) {
        if (json) {
            Json.print(out, View.of().with("items", items).with("next", next.orElse(null)));
            return;
        }
        table(items, whenEmpty, columns);
        next.ifPresent(cursor -> out.println("Next page: --after " + cursor));
        out.flush();
    }

    /** A change that shows nothing new: a sentence for people, {@code body} as JSON. */
    void done(String sentence, View body) {
        if (json) {
            Json.print(out, body);
        } else {
            out.println(sentence);
            out.flush();
        }
    }

    private void table(List<View> items, String whenEmpty, String... columns) {
        if (items.isEmpty()) {
            out.println(whenEmpty);
            out.flush();
            return;
        }
        List<String> headers = Arrays.stream(columns).map(Output::header).toList();
        List<List<String>> rows = items.stream()
                .map(item -> Arrays.stream(columns)
                        .map(column -> human(item.get(column)))
                        .toList())
                .toList();
        int[] widths = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            int column = i;
            widths[i] = Math.max(
                    headers.get(i).length(),
                    rows.stream()
                            .mapToInt(row -> row.get(column).length())
                            .max()
                            .orElse(0));
        }
        out.println(line(headers, widths));
        rows.forEach(row -> out.println(line(row, widths)));
        out.flush();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            boolean last = i == cells.size() - 1;
            line.append(last ? cells.get(i) : pad(cells.get(i), widths[i]) + GAP);
        }
        return line.toString();
    }

    /** {@code createdIn} becomes {@code CREATED IN}. */
    private static String header(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** How a value reads in a table: instants to the second, lists joined, nothing as a dash. */
    static String human(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "-" : list.stream().map(Output::human).collect(Collectors.joining(", "));
        }
        if (value instanceof View view) {
            return view.values().values().stream().map(Output::human).collect(Collectors.joining(" "));
        }
        return value.toString();
    }
}
