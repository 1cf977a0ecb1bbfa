package io.appkeys.adapter.http;

import io.micronaut.context.ApplicationContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops the server in order on SIGTERM or SIGINT: the application context first (stop accepting, close each open
 * connection after its next answer ({@link Draining}), answer the requests in flight within the grace period, write
 * the last noted key uses, close the store's pool), and only then the JVM's exit. Left to the JVM, a signal runs every shutdown hook at once, and the embedded store's own hook
 * (H2 closes its databases at exit, which its shared mode requires) would close the store under the requests still
 * in flight and before the last writes. A second signal while stopping exits at once.
 */
final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
    private static final int SIGNALLED = 128;

    private Shutdown() {}

    static void onSignals(ApplicationContext context) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            handle(name, signal -> {
                int status = SIGNALLED + signal.getNumber();
                if (!stopping.compareAndSet(false, true)) {
                    Runtime.getRuntime().halt(status);
                }
                LOG.info("SIG{} received: finishing the requests in flight, then stopping", signal.getName());
                try {
                    context.findBean(Draining.class).ifPresent(Draining::start);
                    context.close();
                } catch (RuntimeException e) {
                    LOG.warn("the server did not stop cleanly: {}", e.getMessage());
                } finally {
                    System.exit(status);
                }
            });
        }
    }

    /** Handles the signal; where the JVM keeps it for itself (run with -Xrs, say), its default stays. */
    private static void handle(String name, SignalHandler handler) {
        try {
            Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException e) {
            LOG.warn("SIG{} cannot be handled here ({}): it stops the server without waiting", name, e.getMessage());
        }
    }
}
