package io.appkeys.core.memory;

import io.appkeys.core.port.out.Transactions;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock over all in-memory stores, and transactions as an undo log: every write inside a transaction
 * registers how to reverse itself, and a failure reverses them newest first.
 */
final class MemoryTransactions implements Transactions {

    /** UUIDs ordered as unsigned bytes, as PostgreSQL and H2 order them. */
    static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Deque<Runnable>> undo = new ThreadLocal<>();

    /** Runs reads and writes under the lock. */
    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Whether this thread has a transaction open. */
    boolean inTransaction() {
        return undo.get() != null;
    }

    /** Records how to reverse a write just made under the lock, when a transaction is open. */
    void onRollback(Runnable inverse) {
        Deque<Runnable> log = undo.get();
        if (log != null) {
            log.push(inverse);
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (undo.get() != null) {
                return work.get();
            }
            Deque<Runnable> log = new ArrayDeque<>();
            undo.set(log);
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                undo.remove();
                log.forEach(Runnable::run);
                throw e;
            } finally {
                undo.remove();
            }
        } finally {
            lock.unlock();
        }
    }
}
