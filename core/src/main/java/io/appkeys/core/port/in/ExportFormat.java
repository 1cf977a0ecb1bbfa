package io.appkeys.core.port.in;

import java.util.Locale;

/** How an export of keys is written. */
public enum ExportFormat {
    /** RFC 4180 CSV with a header line, in UTF-8. */
    CSV,
    /** One JSON array of objects, in UTF-8. */
    JSON;

    /** {@code csv} or {@code json}, in any case. @throws io.appkeys.core.domain.InvalidInputException otherwise */
    public static ExportFormat parse(String text) {
        if (text != null) {
            for (ExportFormat format : values()) {
                if (format.name().equalsIgnoreCase(text.strip())) {
                    return format;
                }
            }
        }
        throw new io.appkeys.core.domain.InvalidInputException("an export format is csv or json, got " + text);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
