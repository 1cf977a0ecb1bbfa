package io.appkeys.core.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: every store write inside it commits together or not at all. A call inside
 * another joins the outer one.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
