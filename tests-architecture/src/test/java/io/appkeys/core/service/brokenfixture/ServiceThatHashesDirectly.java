package io.appkeys.core.service.brokenfixture;

import de.mkammerer.argon2.Argon2Factory;

/** Breaks "only core.crypto uses argon2-jvm" on purpose. */
public final class ServiceThatHashesDirectly {

    public Object argon2() {
        return Argon2Factory.create();
    }
}
