package io.appkeys.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://u:hunter2@db.internal:5432/keys",
                "jdbc:postgresql://db.internal/keys?user=u&password=hunter2",
                "jdbc:postgresql://db.internal/keys?PASSWORD=hunter2&user=u",
                "jdbc:h2:tcp://db.internal/keys;USER=u;PASSWORD=hunter2"
            })
    void aPasswordInAnyFormOfUrl_isMaskedInTheUrl_andInAnyMessageThatRepeatsIt(String url) {
        DatabaseSettings settings = DatabaseSettings.of(url).withCredentials("u", "s3cret");
        String message = "FATAL: cannot connect to " + url + " (password hunter2, or s3cret, was refused)";

        assertFalse(settings.redactedUrl().contains("hunter2"), settings.redactedUrl());
        assertFalse(settings.redact(message).contains("hunter2"), settings.redact(message));
        assertFalse(settings.redact(message).contains("s3cret"), settings.redact(message));
        assertTrue(settings.redactedUrl().contains("db.internal"), settings.redactedUrl());
        assertFalse(settings.toString().contains("hunter2"));
    }

    @Test
    void aPortIsNotTakenForAPassword() {
        assertEquals(
                "jdbc:postgresql://db:5432/keys",
                DatabaseSettings.of("jdbc:postgresql://db:5432/keys").redactedUrl());
    }

    @Test
    void theConnectionTimeout_isTheDefaultUnlessAPPKEYS_DB_TIMEOUTSetsIt() {
        assertEquals(
                Optional.empty(), DatabaseSettings.fromEnvironment(Map.of()).connectionTimeout());
        for (Map.Entry<String, Duration> given : Map.of(
                        "500ms", Duration.ofMillis(500), "3s", Duration.ofSeconds(3), " 1m ", Duration.ofMinutes(1))
                .entrySet()) {
            DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("APPKEYS_DB_TIMEOUT", given.getKey()))
                    .withMaxPoolSize(3)
                    .withCredentials("someone", "hunter2");
            assertEquals(Optional.of(given.getValue()), settings.connectionTimeout(), given.getKey());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "3 seconds", "PT3S", "-1s", "0s", "249ms"})
    void aConnectionTimeoutThatIsNoneOrTooShort_isRejected(String given) {
        InvalidInputException rejected = assertThrows(
                InvalidInputException.class,
                () -> DatabaseSettings.fromEnvironment(Map.of("APPKEYS_DB_TIMEOUT", given)));

        assertTrue(
                rejected.getMessage().contains("APPKEYS_DB_TIMEOUT must be a duration")
                        || rejected.getMessage().contains("at least 250ms"),
                rejected::getMessage);
    }

    @Test
    void aPoolOfOne_isRejected_becauseMigrationsNeedTwoConnections() {
        assertThrows(
                InvalidInputException.class,
                () -> DatabaseSettings.of("jdbc:h2:mem:x").withMaxPoolSize(1));
    }

    @Test
    void otherDatabases_areRejected() {
        assertThrows(InvalidInputException.class, () -> DatabaseSettings.of("jdbc:mysql://db/keys"));
    }
}
