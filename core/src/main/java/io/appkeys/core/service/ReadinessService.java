package io.appkeys.core.service;

import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.port.in.CheckReadinessUseCase;
import io.appkeys.core.port.out.Storage;

/** Readiness: the cheapest read there is, the change feed's latest number. */
public final class ReadinessService implements CheckReadinessUseCase {

    private final Storage storage;

    public ReadinessService(Storage storage) {
        this.storage = storage;
    }

    @Override
    public boolean ready() {
        try {
            storage.changes().latest();
            return true;
        } catch (AppKeysException e) {
            return false;
        }
    }
}
