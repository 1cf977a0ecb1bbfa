package io.appkeys.core.port.out;

import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.domain.TokenClaims;
import java.time.Instant;
import java.util.Optional;

/** Signs tokens for app keys, and checks the ones presented; the signing keys it rotates are its own concern. */
public interface TokenSigner {

    /** A token saying {@code claims}, signed with the current signing key. */
    SignedToken sign(TokenClaims claims);

    /**
     * What {@code token} says, when it was signed by one of the kept keys with the expected algorithm, names this
     * issuer, and has not expired at {@code now}; empty otherwise, whatever the cause.
     */
    Optional<TokenClaims> verify(SignedToken token, Instant now);

    /** The public keys that check tokens, as a JWK Set document, for gateways that check tokens themselves. */
    String publicKeys();
}
