package io.appkeys.adapter.http.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;
import java.util.Set;

/**
 * The format of every log line, {@code text} (the default) or {@code json}, from {@code APPKEYS_LOG_FORMAT} in
 * either case: {@code logback.xml} includes the appenders of that name. Any other value writes text, with a
 * warning in logback's report of its configuration, rather than no line at all: an operator who mistyped the
 * setting still reads why. Public for logback to create it.
 */
public final class LogFormat extends PropertyDefinerBase {

    private static final String TEXT = "text";
    private static final Set<String> FORMATS = Set.of(TEXT, "json");

    private String value = TEXT;

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public String getPropertyValue() {
        String format = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (format.isEmpty()) { // set, but to nothing: as if not set
            return TEXT;
        }
        if (FORMATS.contains(format)) {
            return format;
        }
        addWarn("APPKEYS_LOG_FORMAT must be text or json, got [" + value + "]: logs are written as text");
        return TEXT;
    }
}
