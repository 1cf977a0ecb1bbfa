package io.appkeys.core.port.out;

import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.TokenHash;

/** One-way hashing of tokens, slow on purpose; only the hash is ever stored. */
public interface SecretHasher {

    TokenHash hash(AppToken token);

    /** Checks {@code token} against {@code hash} in constant time with respect to the token. */
    Verification verify(AppToken token, TokenHash hash);

    /** A check's outcome; a match against a hash made with older parameters asks for a new hash. */
    enum Verification {
        MISMATCH,
        MATCH,
        MATCH_NEEDS_REHASH;

        public boolean matches() {
            return this != MISMATCH;
        }
    }
}
