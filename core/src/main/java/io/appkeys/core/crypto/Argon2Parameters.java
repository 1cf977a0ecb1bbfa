package io.appkeys.core.crypto;

import io.appkeys.core.domain.InvalidInputException;

/**
 * Argon2id cost parameters. The default is OWASP's minimum recommendation: 19 MiB of memory, 2 iterations,
 * 1 lane. Tests use {@link #fast()}, which is far too weak for real secrets.
 *
 * @param memoryKib   memory per hash, in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

    public Argon2Parameters {
        if (parallelism < 1 || parallelism > 16) {
            throw new InvalidInputException("Argon2 parallelism must be between 1 and 16, got " + parallelism);
        }
        if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
            throw new InvalidInputException(
                    "Argon2 memory must be between 8 KiB per lane and 4 GiB, got " + memoryKib + " KiB");
        }
        if (iterations < 1 || iterations > 100) {
            throw new InvalidInputException("Argon2 iterations must be between 1 and 100, got " + iterations);
        }
    }

    /** OWASP's minimum: m=19456 KiB, t=2, p=1. */
    public static Argon2Parameters owasp() {
        return new Argon2Parameters(19_456, 2, 1);
    }

    /** Cheap parameters for tests only. */
    public static Argon2Parameters fast() {
        return new Argon2Parameters(64, 1, 1);
    }
}
