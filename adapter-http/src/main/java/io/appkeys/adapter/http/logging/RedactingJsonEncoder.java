package io.appkeys.adapter.http.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@link JsonEncoder} (one JSON object per line) over the event with its token shapes replaced (see
 * {@link RedactedEvent}), so that the JSON format keeps the text format's redaction. Each line holds
 * {@code timestamp} (milliseconds since the epoch), {@code level}, {@code threadName}, {@code loggerName},
 * {@code markers} and {@code kvpList} when the event has them, {@code formattedMessage} and {@code throwable};
 * the setters of {@link JsonEncoder} still change that. Public for logback to create it.
 */
public final class RedactingJsonEncoder extends JsonEncoder {

    public RedactingJsonEncoder() {
        setWithSequenceNumber(false); // 0 on every line unless a generator is configured
        setWithNanoseconds(false); // the timestamp says when
        setWithContext(false); // the same on every line
        setWithMDC(false); // AppKeys puts nothing there; an empty object on every line otherwise
        setWithMessage(false); // the formatted message says it once, arguments in place
        setWithArguments(false);
        setWithFormattedMessage(true);
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return super.encode(new RedactedEvent(event));
    }
}
