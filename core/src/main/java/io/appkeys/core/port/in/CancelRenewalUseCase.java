package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.TokenStatus;

/** Cancels a renewal: the new token stops working at once and the old one stays. */
public interface CancelRenewalUseCase {

    /** @throws io.appkeys.core.domain.NotFoundException when no renewal is pending */
    TokenStatus cancelRenewal(Caller caller, KeyRef key);
}
