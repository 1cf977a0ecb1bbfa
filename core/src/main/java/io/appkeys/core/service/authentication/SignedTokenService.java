package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.KeyCredentials.ValidToken;
import io.appkeys.core.domain.LoginResult;
import io.appkeys.core.domain.LoginResult.LoggedIn;
import io.appkeys.core.domain.LoginResult.Refused;
import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.domain.TokenClaims;
import io.appkeys.core.port.in.Attempt;
import io.appkeys.core.port.in.LoginUseCase;
import io.appkeys.core.port.in.PublicKeysUseCase;
import io.appkeys.core.port.out.AppKeyStore.StoredKey;
import io.appkeys.core.port.out.Storage;
import io.appkeys.core.port.out.TokenSigner;
import io.appkeys.core.service.AppKeysSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Exchanges key pairs for signed tokens. The pair is authenticated as any is; the token then names the key and
 * which of its appTokens was presented, so that it ends when that appToken does, and expires after the token
 * lifetime at most.
 */
public final class SignedTokenService implements LoginUseCase, PublicKeysUseCase {

    /** How many times a login checks the pair again when the key changed between its check and its token. */
    private static final int ATTEMPTS = 3;

    private final AuthenticationService authentication;
    private final CredentialCache cache;
    private final Storage storage;
    private final TokenSigner signer;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration renewalPeriod;

    public SignedTokenService(
            AuthenticationService authentication,
            CredentialCache cache,
            Storage storage,
            TokenSigner signer,
            Clock clock,
            AppKeysSettings settings) {
        this.authentication = authentication;
        this.cache = cache;
        this.storage = storage;
        this.signer = signer;
        this.clock = clock;
        this.lifetime = settings.signedTokenLifetime();
        this.renewalPeriod = settings.renewalPeriod();
    }

    @Override
    public LoginResult login(Attempt attempt) {
        if (attempt instanceof PresentedToken) {
            throw new IllegalArgumentException("a signed token is obtained with a key pair, not with another token");
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            AuthenticationResult result = authentication.authenticate(attempt);
            if (!(result instanceof Authenticated authenticated)) {
                return new Refused(result);
            }
            Optional<LoggedIn> loggedIn = issue((PresentedPair) attempt, authenticated);
            if (loggedIn.isPresent()) {
                return loggedIn.get();
            }
        }
        throw new IllegalStateException("the key changed during each of " + ATTEMPTS + " logins; try again");
    }

    @Override
    public String publicKeys() {
        return signer.publicKeys();
    }

    /** A token for the appToken the pair matched, unless the key changed since the pair was checked. */
    private Optional<LoggedIn> issue(PresentedPair pair, Authenticated authenticated) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Optional<CredentialCache.Verified> verified = cache.remembered(pair);
        Optional<StoredKey> stored = storage.keys().findWithCredentials(pair.appKey());
        if (verified.isEmpty()
                || stored.isEmpty()
                || !stored.get().key().id().equals(authenticated.principal().id())) {
            return Optional.empty();
        }
        Optional<ValidToken> matched = stored.get().credentials().validAt(now, renewalPeriod).stream()
                .filter(valid -> valid.slot() == verified.get().slot()
                        && valid.token().hash().equals(verified.get().hash()))
                .findFirst();
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        Instant expires = now.plus(lifetime);
        for (Optional<Instant> ends :
                List.of(matched.get().expiresIn(), stored.get().key().expiresIn())) {
            if (ends.isPresent() && ends.get().isBefore(expires)) {
                expires = ends.get().truncatedTo(ChronoUnit.SECONDS); // not past its appToken, nor its key
            }
        }
        if (!expires.isAfter(now)) {
            return Optional.empty(); // the appToken ends within the second: its renewal is about to finish
        }
        TokenClaims claims = new TokenClaims(
                UUID.randomUUID(),
                authenticated.principal().id(),
                pair.appKey(),
                matched.get().token().createdIn(),
                now,
                expires);
        SignedToken token = signer.sign(claims);
        return Optional.of(new LoggedIn(token, expires, authenticated.principal()));
    }
}
