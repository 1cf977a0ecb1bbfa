package io.appkeys.core.port.in;

/** The public keys that check signed tokens, for a gateway that checks tokens itself. */
public interface PublicKeysUseCase {

    /** A JWK Set document (RFC 7517) of every key whose tokens may still be valid. */
    String publicKeys();
}
