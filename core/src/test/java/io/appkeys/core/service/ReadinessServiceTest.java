package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.memory.InMemoryStorage;
import io.appkeys.core.port.out.ChangeFeed;
import io.appkeys.core.port.out.Storage;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Readiness: true while one read of the store succeeds, false (not an exception) while the store is gone. */
class ReadinessServiceTest {

    @Test
    void aStoreThatAnswers_isReady_andOneThatDoesNot_isNot() {
        Storage working = new InMemoryStorage();
        Storage gone = (Storage) Proxy.newProxyInstance(
                Storage.class.getClassLoader(), new Class<?>[] {Storage.class}, (self, method, args) -> {
                    if (method.getName().equals("changes")) {
                        return Proxy.newProxyInstance(
                                ChangeFeed.class.getClassLoader(), new Class<?>[] {ChangeFeed.class}, (f, m, a) -> {
                                    throw new StoreUnavailableException("the database is unavailable", null);
                                });
                    }
                    return method.invoke(working, args);
                });

        assertTrue(new ReadinessService(working).ready());
        assertFalse(new ReadinessService(gone).ready());
    }
}
