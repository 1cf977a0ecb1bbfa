package io.appkeys.core.service.brokenfixture;

import com.nimbusds.jose.JWSAlgorithm;

/** Breaks "only core.crypto uses nimbus-jose-jwt" on purpose. */
public final class ServiceThatSignsDirectly {

    public Object algorithm() {
        return JWSAlgorithm.ES256;
    }
}
