package io.appkeys.adapter.http.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %redact(...)} in a logback pattern: what the enclosed conversions write, with every token shape
 * replaced (see {@link TokenShapes}). Registered in {@code logback.xml}; public for logback to create it.
 */
public final class RedactConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return TokenShapes.redact(in);
    }
}
