package io.appkeys.core.service;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.port.in.ExportFormat;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How exported keys are written: CSV (RFC 4180, a header line) or a JSON array. The members are the same in both:
 * id, appKey, label, roles, createdIn, tokenCreatedIn, tokenAgeDays, tokenAgeStatus, expiresIn, lastUsedIn,
 * isActive. In CSV, roles are joined with {@code "; "}, nothing is an empty field, and a field that a spreadsheet
 * would take for a formula (it starts with =, +, -, @, a tab or a carriage return) is prefixed with {@code '}.
 */
abstract sealed class KeyExport {

    static final List<String> COLUMNS = List.of(
            "id",
            "appKey",
            "label",
            "roles",
            "createdIn",
            "tokenCreatedIn",
            "tokenAgeDays",
            "tokenAgeStatus",
            "expiresIn",
            "lastUsedIn",
            "isActive");

    final Writer out;

    private KeyExport(Writer out) {
        this.out = out;
    }

    static KeyExport of(ExportFormat format, Writer out) {
        return format == ExportFormat.CSV ? new Csv(out) : new Json(out);
    }

    abstract void begin() throws IOException;

    abstract void key(ListedAppKey listed, List<String> roles, boolean first) throws IOException;

    abstract void end() throws IOException;

    private static String instant(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    /** The values of one key, in {@link #COLUMNS} order: strings, a list of strings, numbers and booleans. */
    private static Object[] values(ListedAppKey listed, List<String> roles) {
        AppKey key = listed.key();
        TokenStatus tokens = listed.tokens();
        return new Object[] {
            key.id().toString(),
            key.appKey().value(),
            key.label().value(),
            roles,
            key.createdIn().toString(),
            tokens.tokenCreatedIn().toString(),
            tokens.tokenAge().toDays(),
            tokens.tokenAgeStatus().label(),
            instant(key.expiresIn()),
            instant(key.lastUsedIn()),
            key.active()
        };
    }

    static final class Csv extends KeyExport {

        Csv(Writer out) {
            super(out);
        }

        @Override
        void begin() throws IOException {
            out.write(String.join(",", COLUMNS));
            out.write("\r\n");
        }

        @Override
        void key(ListedAppKey listed, List<String> roles, boolean first) throws IOException {
            Object[] values = values(listed, roles);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object value = values[i];
                if (value instanceof List<?> list) {
                    value = String.join("; ", list.stream().map(String::valueOf).toList());
                }
                if (value != null) {
                    out.write(field(value.toString()));
                }
            }
            out.write("\r\n");
        }

        @Override
        void end() {}

        /** A field, defused if a spreadsheet would run it, quoted if it holds a separator, a quote or a line end. */
        static String field(String value) {
            String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
                return safe;
            }
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
    }

    static final class Json extends KeyExport {

        Json(Writer out) {
            super(out);
        }

        @Override
        void begin() throws IOException {
            out.write('[');
        }

        @Override
        void key(ListedAppKey listed, List<String> roles, boolean first) throws IOException {
            out.write(first ? "\n{" : ",\n{");
            Object[] values = values(listed, roles);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                string(COLUMNS.get(i));
                out.write(':');
                value(values[i]);
            }
            out.write('}');
        }

        @Override
        void end() throws IOException {
            out.write("\n]\n");
        }

        private void value(Object value) throws IOException {
            if (value == null) {
                out.write("null");
            } else if (value instanceof List<?> list) {
                out.write('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    string(String.valueOf(list.get(i)));
                }
                out.write(']');
            } else if (value instanceof String text) {
                string(text);
            } else {
                out.write(value.toString()); // a number or a boolean
            }
        }

        /** A JSON string: quotes, backslashes and control characters escaped, the rest as it is. */
        private void string(String text) throws IOException {
            out.write('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.write('\\');
                    out.write(c);
                } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                    out.write(String.format("\\u%04x", (int) c));
                } else {
                    out.write(c);
                }
            }
            out.write('"');
        }
    }
}
