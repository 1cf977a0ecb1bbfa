package io.appkeys.core.brokenfixture.a;

import io.appkeys.core.brokenfixture.b.Second;

/** One half of a package cycle, on purpose. */
public final class First {

    public Second next() {
        return new Second();
    }
}
