package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.TokenStatus;

/** Ends a renewal: the old token stops working at once. */
public interface FinishRenewalUseCase {

    /** @throws io.appkeys.core.domain.NotFoundException when no renewal is pending */
    TokenStatus finishRenewal(Caller caller, KeyRef key);
}
