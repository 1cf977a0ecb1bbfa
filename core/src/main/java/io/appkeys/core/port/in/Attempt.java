package io.appkeys.core.port.in;

/**
 * A key pair as a caller presented it, read once by {@link AuthenticateUseCase#attempt}: parsed, its token
 * digested, with where it came from and when its check began. Hand it back to the same use case, from a quick
 * check to a full one, so that nothing is read twice. It prints no secret.
 */
public interface Attempt {

    /** Where the attempt came from, as the caller named it. */
    String source();
}
