package io.appkeys.core.port.in;

import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;

/**
 * Restricts where a key may be used from, or lifts the restriction ({@link AllowedNetworks#ANYWHERE}): from the
 * next request on, a caller outside the ranges fails authentication exactly as with an inactive key, and so do
 * the signed tokens obtained with it.
 */
public interface SetAppKeyNetworksUseCase {

    AppKey setAppKeyNetworks(Caller caller, KeyRef key, AllowedNetworks networks);
}
