package io.appkeys.core.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.port.out.SecretHasher;
import java.util.Arrays;

/**
 * Argon2id on argon2-jvm (the reference C implementation through JNA). Hashes are PHC strings, so they carry
 * their own parameters: a hash made with parameters other than the current ones still verifies, and asks to
 * be made again. The native library is loaded on first use, not at construction: that costs tens of milliseconds,
 * which neither a server's start nor a command that never hashes (a list, a show) need pay.
 */
public final class Argon2idHasher implements SecretHasher {

    private static final int SALT_LENGTH = 16;
    private static final int HASH_LENGTH = 32;

    private final Argon2Parameters parameters;

    public Argon2idHasher(Argon2Parameters parameters) {
        this.parameters = parameters;
    }

    public Argon2idHasher() {
        this(Argon2Parameters.owasp());
    }

    @Override
    public TokenHash hash(AppToken token) {
        byte[] secret = token.bytes();
        try {
            return new TokenHash(Native.ARGON2.hash(
                    parameters.iterations(), parameters.memoryKib(), parameters.parallelism(), secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public Verification verify(AppToken token, TokenHash hash) {
        if (!hash.value().startsWith("$argon2id$")) {
            return Verification.MISMATCH;
        }
        byte[] secret = token.bytes();
        try {
            if (!Native.ARGON2.verify(hash.value(), secret)) {
                return Verification.MISMATCH;
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return Native.ARGON2.needsRehash(
                        hash.value(), parameters.iterations(), parameters.memoryKib(), parameters.parallelism())
                ? Verification.MATCH_NEEDS_REHASH
                : Verification.MATCH;
    }

    @Override
    public String toString() {
        return "Argon2idHasher" + parameters;
    }

    /** The binding to the native library, made when a hash is first computed or checked; it keeps no state. */
    private static final class Native {
        static final Argon2 ARGON2 = Argon2Factory.create(Argon2Types.ARGON2id, SALT_LENGTH, HASH_LENGTH);
    }
}
