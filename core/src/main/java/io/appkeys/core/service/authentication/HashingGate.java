package io.appkeys.core.service.authentication;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many slow checks run at once (Argon2 for a pair, the signature for a signed token), so a flood of
 * bad credentials cannot take every core.
 */
final class HashingGate {

    private final Semaphore permits;
    private final int concurrency;
    private final long maxWaitNanos;

    HashingGate(int concurrency, Duration maxWait) {
        this.permits = new Semaphore(concurrency);
        this.concurrency = concurrency;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Waits for a turn; false when none came in time. A true answer must be followed by {@link #exit()}. */
    boolean enter() {
        try {
            return permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void exit() {
        permits.release();
    }

    /** Slow checks running now. */
    int active() {
        return concurrency - permits.availablePermits();
    }

    /** Checks waiting for a turn now (an estimate, as the semaphore gives it). */
    int waiting() {
        return permits.getQueueLength();
    }
}
