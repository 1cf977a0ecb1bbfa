package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Label;
import java.time.Instant;
import java.util.Optional;

/** Creates a key without roles; its token is returned this once and only its hash is kept. */
public interface CreateAppKeyUseCase {

    /** A key that never expires. */
    default CreatedAppKey createAppKey(Caller caller, Label label) {
        return createAppKey(caller, label, Optional.empty());
    }

    /**
     * A key that, when {@code expiresIn} is given, no longer authenticates from that instant on.
     *
     * @throws io.appkeys.core.domain.InvalidInputException when {@code expiresIn} is not in the future
     */
    CreatedAppKey createAppKey(Caller caller, Label label, Optional<Instant> expiresIn);
}
