package io.appkeys.adapter.http;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code logback.xml} that ships, configured in a logger context of its own with the given environment
 * ({@code APPKEYS_LOG_FORMAT}, levels), its console appenders writing to memory instead of standard output, and
 * its queues waiting when full instead of dropping lines.
 */
final class ShippedLogback {

    static final String ACCESS = "io.appkeys.access";

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    private ShippedLogback(Map<String, String> environment) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("APPKEYS_LOG_LEVEL", "INFO"); // the defaults, over the WARN that tests run at
        context.putProperty("APPKEYS_ACCESS_LOG_LEVEL", "INFO");
        environment.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(ShippedLogback.class.getResource("/logback.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        for (Logger logger : List.of(context.getLogger(Logger.ROOT_LOGGER_NAME), context.getLogger(ACCESS))) {
            logger.iteratorForAppenders().forEachRemaining(this::writeToMemory);
        }
    }

    static ShippedLogback with(Map<String, String> environment) {
        return new ShippedLogback(environment);
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** Writes {@code event} as if it had been logged in this context, by its logger. */
    void write(ILoggingEvent event) {
        context.getLogger(event.getLoggerName()).callAppenders(event);
    }

    /** Every line written, once the queues are drained; the context is stopped. */
    List<String> lines() {
        context.stop(); // each queue is drained into its console before it stops
        String all = written.toString(StandardCharsets.UTF_8);
        return all.isEmpty() ? List.of() : List.of(all.split("\n"));
    }

    /** What logback itself reported while reading the configuration, at WARN or above. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() >= Status.WARN) {
                warnings.add(status.getMessage());
            }
        }
        return warnings;
    }

    private void writeToMemory(Appender<ILoggingEvent> appender) {
        if (appender instanceof AsyncAppender queue) {
            queue.setNeverBlock(false); // a test writes faster than a console: wait, rather than lose a line
            Iterator<Appender<ILoggingEvent>> behind = queue.iteratorForAppenders();
            behind.forEachRemaining(this::writeToMemory);
        } else if (appender instanceof OutputStreamAppender<ILoggingEvent> console) {
            console.setOutputStream(written);
        }
    }
}
