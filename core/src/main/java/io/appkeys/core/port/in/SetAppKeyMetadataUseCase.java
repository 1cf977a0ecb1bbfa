package io.appkeys.core.port.in;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyRef;
import java.util.Optional;

/**
 * Sets or clears what the account says of a key (owner, plan, environment: nothing secret), which
 * {@code authz/check} returns on request and {@code show} shows.
 */
public interface SetAppKeyMetadataUseCase {

    AppKey setAppKeyMetadata(Caller caller, KeyRef key, Optional<KeyMetadata> metadata);
}
