package io.appkeys.adapter.http.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event as an encoder may write it: every text that came from the caller (the message, its arguments,
 * key-value pairs, MDC values, and the messages of the exception and its causes) with token shapes replaced.
 */
final class RedactedEvent implements ILoggingEvent {

    private final ILoggingEvent event;

    RedactedEvent(ILoggingEvent event) {
        this.event = event;
    }

    @Override
    public String getMessage() {
        return TokenShapes.redact(event.getMessage());
    }

    @Override
    public Object[] getArgumentArray() {
        Object[] arguments = event.getArgumentArray();
        if (arguments == null) {
            return null;
        }
        return Arrays.stream(arguments).map(RedactedEvent::redacted).toArray();
    }

    @Override
    public String getFormattedMessage() {
        return TokenShapes.redact(event.getFormattedMessage());
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return RedactedThrowable.of(event.getThrowableProxy());
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null) {
            return null;
        }
        return pairs.stream()
                .map(pair -> new KeyValuePair(pair.key, redacted(pair.value)))
                .toList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc == null || mdc.isEmpty()) {
            return mdc;
        }
        Map<String, String> redacted = new LinkedHashMap<>();
        mdc.forEach((key, value) -> redacted.put(key, TokenShapes.redact(value)));
        return redacted;
    }

    @Override
    @SuppressWarnings("deprecation") // the interface's older name for the same map
    public Map<String, String> getMdc() {
        return getMDCPropertyMap();
    }

    private static String redacted(Object value) {
        return value == null ? null : TokenShapes.redact(value.toString());
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public Instant getInstant() {
        return event.getInstant();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }
}
