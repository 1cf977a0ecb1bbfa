package io.appkeys.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.InvalidInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void withoutConfiguration_theEmbeddedFileUnderTheHomeIsUsed() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("APPKEYS_HOME", "/srv/keys"));

        assertEquals("jdbc:h2:file:/srv/keys/appkeys;AUTO_SERVER=TRUE", settings.url());
        assertFalse(settings.isPostgres());
    }

    @Test
    void theDefaultHome_isDotAppkeysInTheUsersHome() {
        assertEquals(Path.of(System.getProperty("user.home"), ".appkeys"), DatabaseSettings.home(Map.of()));
    }

    @Test
    void environmentVariables_selectPostgres() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(
                "APPKEYS_DB_URL", "jdbc:postgresql://db:5432/keys",
                "APPKEYS_DB_USER", "keys",
                "APPKEYS_DB_PASSWORD", "s3cret"));

        assertTrue(settings.isPostgres());
        assertEquals(Optional.of("keys"), settings.user());
        assertEquals(Optional.of("s3cret"), settings.password());
    }

    @Test
    void passwords_neverPrint() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db/keys?user=a&password=hunter2&ssl=true")
                .withCredentials("a", "s3cret");

        assertFalse(settings.toString().contains("hunter2"));
        assertFalse(settings.toString().contains("s3cret"));
        assertEquals("jdbc:postgresql://db/keys?user=a&password=***&ssl=true", settings.redactedUrl());
    }

    @Test
    void aPoolOfOne_isRejected_becauseMigrationsNeedTwoConnections() {
        assertThrows(InvalidInputException.class, () -> DatabaseSettings.of("jdbc:h2:mem:x").withMaxPoolSize(1));
    }

    @Test
    void otherDatabases_areRejected() {
        assertThrows(InvalidInputException.class, () -> DatabaseSettings.of("jdbc:mysql://db/keys"));
    }
}
