package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.RenewedToken;

/** Starts a renewal: issues a new token while the old one keeps working until the renewal ends. */
public interface RenewAppTokenUseCase {

    /** @throws io.appkeys.core.domain.ConflictException when a renewal is pending already */
    RenewedToken renewAppToken(Caller caller, KeyRef key);
}
