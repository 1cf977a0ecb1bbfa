package io.appkeys.adapter.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a command shows of one thing: named values in order. The same view is printed as a table row or a
 * details block for people, and as a JSON object with {@code --json}. Values are strings, numbers, booleans,
 * instants, {@code null}, lists, or views.
 */
final class View {

    private final Map<String, Object> values = new LinkedHashMap<>();

    static View of() {
        return new View();
    }

    View with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no value named " + name);
        }
        return values.get(name);
    }

    Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }
}
