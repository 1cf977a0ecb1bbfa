package io.appkeys.core.brokenfixture.b;

import io.appkeys.core.brokenfixture.a.First;

/** The other half of a package cycle, on purpose. */
public final class Second {

    public First back() {
        return new First();
    }
}
