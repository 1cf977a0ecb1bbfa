package io.appkeys.adapter.http.brokenfixture;

import io.appkeys.adapter.persistence.DatabaseSettings;

/** Breaks "adapters are independent" on purpose: an HTTP class, not the composition root, using persistence. */
public final class ControllerThatOpensTheDatabase {

    public DatabaseSettings settings() {
        return DatabaseSettings.of("jdbc:h2:mem:x");
    }
}
