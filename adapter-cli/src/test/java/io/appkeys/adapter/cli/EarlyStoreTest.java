package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.port.in.FindAccountUseCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store that the CLI opens beside its parsing: handed over only for the store the parsed line names. */
class EarlyStoreTest {

    private static final TestStore STORE = TestStore.h2();
    private final Composition composition = new Composition(environment(), Argon2Parameters.fast());

    /** The test store's, where a store that cannot be reached fails after half a second. */
    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(STORE.environment());
        environment.put("APPKEYS_DB_TIMEOUT", "500ms");
        return environment;
    }

    @Test
    void theStoreTheLineNames_isHandedOver_open() {
        Cli.on(STORE).newAccount();
        EarlyStore early = EarlyStore.start(composition, Optional.empty());

        try (Composition.OpenStore store =
                early.take(Optional.empty(), warning -> {}).orElseThrow()) {
            assertEquals(
                    Optional.empty(),
                    store.use(FindAccountUseCase.class).findAccount(new AccountName("nosuchaccount")));
        }
    }

    @Test
    void whenTheParsedLineNamesAnotherStore_nothingIsHandedOver() {
        EarlyStore early = EarlyStore.start(composition, Optional.empty());

        assertEquals(Optional.empty(), early.take(Optional.of(STORE.url() + ";IFEXISTS=TRUE"), warning -> {}));
    }

    @Test
    void aStoreThatCannotBeOpened_failsTheCommandThatUsesIt_asOpeningItThenWould() {
        Optional<String> unreachable = Optional.of("jdbc:postgresql://127.0.0.1:1/appkeys?password=hunter2");
        List<String> warnings = new ArrayList<>();
        EarlyStore early = EarlyStore.start(composition, unreachable);

        StoreUnavailableException failure =
                assertThrows(StoreUnavailableException.class, () -> early.take(unreachable, warnings::add));

        assertTrue(failure.getMessage().startsWith("cannot open the store"), failure::getMessage);
        assertEquals(List.of(), warnings);
    }

    @Test
    void anUnusedStore_isDiscardedQuietly_evenOneThatCannotBeOpened() {
        EarlyStore.start(composition, Optional.empty()).discard();
        EarlyStore.start(composition, Optional.of("jdbc:postgresql://127.0.0.1:1/appkeys"))
                .discard();

        Cli.on(STORE).run("account", "list").ok();
    }
}
