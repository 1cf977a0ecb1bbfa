package io.appkeys.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the sealing key comes from: the environment, a file it names, or an owner-only file in the home. */
class SealingKeysTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path directory;

    @Test
    void withNothingNamed_theKeyIsMadeOnceInTheHome_ownerOnly() throws Exception {
        Path home = directory.resolve("home");
        Map<String, String> environment = Map.of(DatabaseSettings.HOME_VARIABLE, home.toString());

        String made = SealingKeys.fromEnvironment(environment);

        assertEquals(32, Base64.getDecoder().decode(made).length);
        assertEquals(made, SealingKeys.fromEnvironment(environment), "the same key on the next start");
        Path file = home.resolve(SealingKeys.DEFAULT_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        assertNotEquals(
                made, SealingKeys.fromEnvironment(Map.of(DatabaseSettings.HOME_VARIABLE, directory.toString())));
    }

    @Test
    void theVariable_thenTheFileItNames_comeFirst() throws Exception {
        Path file = directory.resolve("sealing");
        String other = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        Files.writeString(file, other + "\n");

        assertEquals(
                KEY,
                SealingKeys.fromEnvironment(
                        Map.of(SealingKeys.KEY_VARIABLE, KEY, SealingKeys.FILE_VARIABLE, file.toString())));
        assertEquals(other, SealingKeys.fromEnvironment(Map.of(SealingKeys.FILE_VARIABLE, file.toString())));
        assertTrue(Files.notExists(directory.resolve(SealingKeys.DEFAULT_FILE)), "no key made when one is named");
    }

    @Test
    void aMissingFile_orSomethingElseThanAKey_stopsWithAClearMessage() {
        InvalidInputException missing = assertThrows(
                InvalidInputException.class,
                () -> SealingKeys.fromEnvironment(Map.of(SealingKeys.FILE_VARIABLE, "/nonexistent/sealing.key")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        InvalidInputException wrong = assertThrows(
                InvalidInputException.class,
                () -> SealingKeys.fromEnvironment(Map.of(SealingKeys.KEY_VARIABLE, "c2hvcnQ=")));
        assertTrue(wrong.getMessage().contains("32 bytes in base64"), wrong.getMessage());
        assertTrue(!wrong.getMessage().contains("c2hvcnQ="), "the value is not echoed");
    }
}
