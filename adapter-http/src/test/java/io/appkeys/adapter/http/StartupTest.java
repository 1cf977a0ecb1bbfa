package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.AppKeys;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.StoreUnavailableException;
import io.appkeys.core.port.out.Storage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What an operator sees when starting the server: the first-start hint, and settings taking effect. */
class StartupTest {

    @TempDir
    Path directory;

    @Test
    void firstStartOverAnEmptyStore_printsHowToCreateAnAccountAndAKey_andLaterStartsDoNot() {
        DatabaseSettings store = TestDatabases.freshH2(directory);
        String first = hintsLoggedWhile(() -> {
            try (TestServer server = new TestServer(store)) {
                Tenant.create(server.appKeys());
            }
        });
        assertTrue(first.contains("./appkeys account create <name> --master-email <email>"), first);
        assertTrue(first.contains("./appkeys key create --account <name> --label <label>"), first);

        String second = hintsLoggedWhile(() -> new TestServer(store).close());
        assertEquals("", second);
    }

    @Test
    void everyUseCaseOfCore_isABeanOfItsPort() {
        try (TestServer server = new TestServer(TestDatabases.freshH2(directory))) {
            AppKeys appKeys = server.appKeys();
            for (Class<?> port : appKeys.useCases()) {
                assertSame(appKeys.use(port), server.bean(port), port::getName);
            }
        }
    }

    @Test
    void throttleSettings_comeFromConfiguration() {
        Map<String, Object> properties = Map.of("appkeys.throttle-max-failures", 2);
        try (TestServer server = new TestServer(TestDatabases.freshH2(directory), properties)) {
            Http http = new Http(server.uri());
            Tenant tenant = Tenant.create(server.appKeys());
            Credentials key = tenant.keyWithRoles("k", LicenseManager.OWNER);
            Credentials wrong = key.withToken(tenant.newKey("donor").appToken());

            assertEquals(401, http.get(HttpStory.KEYS, wrong).status());
            assertEquals(401, http.get(HttpStory.KEYS, wrong).status());
            assertEquals(429, http.get(HttpStory.KEYS, wrong).status());
        }
    }

    @Test
    void anInvalidSetting_stopsTheStart_withCoresMessage() {
        RuntimeException error = assertThrows(
                RuntimeException.class,
                () -> new TestServer(TestDatabases.freshH2(directory), Map.of("appkeys.argon2-memory-kib", 1)).close());
        String messages = causes(error);
        assertTrue(messages.contains("Argon2 memory must be between 8 KiB per lane and 4 GiB"), messages);
    }

    @Test
    void theStoreThatMainBeganOpening_isTheServersStore() {
        DatabaseSettings store = TestDatabases.freshH2(directory);
        StoreOpening opening = StoreOpening.begin(store);
        try (TestServer server = new TestServer(store, Map.of(), opening)) {
            assertSame(opening.take(), server.bean(Storage.class));
            Tenant tenant = Tenant.create(server.appKeys());
            Credentials key = tenant.keyWithRoles("k", LicenseManager.OWNER);
            assertEquals(200, new Http(server.uri()).get(HttpStory.KEYS, key).status());
        }
    }

    @Test
    void aStoreBegunForOtherSettings_isClosed_andTheServerOpensItsOwn() {
        StoreOpening opening = StoreOpening.begin(TestDatabases.freshH2(directory.resolve("other")));
        Storage other = opening.take();
        DatabaseSettings store = TestDatabases.freshH2(directory.resolve("chosen"));
        try (TestServer server = new TestServer(store, Map.of(), opening)) {
            assertNotSame(other, server.bean(Storage.class));
            Tenant.create(server.appKeys());
            assertThrows(StoreUnavailableException.class, () -> other.changes().latest());
        }
    }

    @Test
    void aStoreThatCannotBeOpened_stopsTheStart_withTheStoresMessage() {
        DatabaseSettings unreachable = new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:1/appkeys?connectTimeout=2", Optional.empty(), Optional.empty(), 2);
        StoreOpening opening = StoreOpening.begin(unreachable);
        RuntimeException error =
                assertThrows(RuntimeException.class, () -> new TestServer(unreachable, Map.of(), opening).close());
        String messages = causes(error);
        assertTrue(messages.contains("cannot open the store at jdbc:postgresql://127.0.0.1:1/appkeys"), messages);
    }

    private static String hintsLoggedWhile(Runnable run) {
        Logger logger = (Logger) LoggerFactory.getLogger(FirstStartHint.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO); // tests run with application logs at WARN
        logger.setAdditive(false); // read here, and kept out of the build's output
        events.start();
        logger.addAppender(events);
        try {
            run.run();
        } finally {
            logger.detachAppender(events);
            logger.setAdditive(true);
            logger.setLevel(level);
        }
        return events.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    }

    private static String causes(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
