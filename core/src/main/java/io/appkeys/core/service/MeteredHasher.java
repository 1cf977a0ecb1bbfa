package io.appkeys.core.service;

import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.port.out.SecretHasher;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** A hasher that counts its computations and their time, for metrics; it hashes as the one it wraps. */
public final class MeteredHasher implements SecretHasher {

    private final SecretHasher hasher;
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    public MeteredHasher(SecretHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public TokenHash hash(AppToken token) {
        long start = System.nanoTime();
        try {
            return hasher.hash(token);
        } finally {
            counted(start);
        }
    }

    @Override
    public Verification verify(AppToken token, TokenHash hash) {
        long start = System.nanoTime();
        try {
            return hasher.verify(token, hash);
        } finally {
            counted(start);
        }
    }

    /** Hashes and verifications since start. */
    public long count() {
        return count.sum();
    }

    /** Their total time. */
    public Duration time() {
        return Duration.ofNanos(nanos.sum());
    }

    private void counted(long start) {
        nanos.add(System.nanoTime() - start);
        count.increment();
    }
}
