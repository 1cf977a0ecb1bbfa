package io.appkeys.core.crypto;

import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.port.out.CredentialGenerator;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Draws appKey suffixes and appToken bodies from letters A to Z with a {@link SecureRandom}. A token's 121
 * random letters carry about 569 bits.
 */
public final class SecureRandomCredentialGenerator implements CredentialGenerator {

    private final String prefix;
    private final Random random;

    public SecureRandomCredentialGenerator(String prefix) {
        this(prefix, new SecureRandom());
    }

    /** With a given source of randomness; tests pass a seeded one, production a {@link SecureRandom}. */
    public SecureRandomCredentialGenerator(String prefix, Random random) {
        if (!AppKeyName.isValidPrefix(prefix)) {
            throw new InvalidInputException("appKey prefix " + prefix + " must be a lowercase letter followed by"
                    + " up to 29 lowercase letters or digits");
        }
        this.prefix = prefix;
        this.random = random;
    }

    @Override
    public AppKeyName newAppKey(AccountName account) {
        return AppKeyName.of(prefix, account, letters(AppKeyName.SUFFIX_LENGTH));
    }

    @Override
    public AppToken newAppToken() {
        return AppToken.fromBody(letters(AppToken.BODY_LENGTH));
    }

    private String letters(int count) {
        char[] letters = new char[count];
        for (int i = 0; i < count; i++) {
            letters[i] = (char) ('A' + random.nextInt(26));
        }
        return new String(letters);
    }
}
