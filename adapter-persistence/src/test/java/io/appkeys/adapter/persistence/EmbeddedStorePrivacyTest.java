package io.appkeys.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who can read the embedded store: its owner, through its files or its port, and nobody else. */
class EmbeddedStorePrivacyTest {

    @TempDir
    Path temp;

    private final List<String> warnings = new ArrayList<>();

    private Storage open(Path home) {
        return Databases.open(DatabaseSettings.embedded(home), warnings::add);
    }

    private static Account account(String name) {
        return new Account(
                UUID.randomUUID(),
                new AccountName(name),
                UserId.random(),
                new Email("o@" + name + ".com"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    @Test
    void aNewStore_isADirectoryAndFilesOnlyItsOwnerCanRead_withAPassword() throws Exception {
        Path home = temp.resolve("new");

        try (Storage storage = open(home)) {
            storage.accounts().insert(account("acme"));
            assertEquals("rwx------", mode(home));
            for (Path file : filesIn(home)) {
                assertEquals("rw-------", mode(file), file::toString);
            }
            assertTrue(Files.exists(home.resolve("appkeys.lock.db")), "checked while the lock file exists");
        }

        assertTrue(Files.exists(home.resolve("appkeys.password")));
        assertEquals(List.of(), warnings, "a new store has nothing to repair");
    }

    @Test
    void anExistingStoreThatOthersCanRead_isRepairedOnOpen_withAWarning() throws Exception {
        Path home = temp.resolve("wide");
        try (Storage storage = open(home)) {
            storage.accounts().insert(account("acme"));
        }
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path file : filesIn(home)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (Storage storage = open(home)) {
            assertTrue(storage.accounts().find(new AccountName("acme")).isPresent());
        }

        assertEquals("rwx------", mode(home));
        for (Path file : filesIn(home)) {
            assertEquals("rw-------", mode(file), file::toString);
        }
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("was readable by others; it is now 0700"), warnings::toString);
    }

    @Test
    void aDirectoryThatIsNotTheStoresOwn_isReported_butLeftAsItIs() throws Exception {
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (Storage storage = Databases.open(TestDatabases.freshH2(shared), warnings::add)) {
            storage.accounts().insert(account("acme"));
        }

        assertEquals("rwxr-xr-x", mode(shared));
        assertEquals(1, warnings.size(), warnings::toString);
        for (Path file : filesIn(shared)) {
            assertEquals("rw-------", mode(file), file::toString);
        }
    }

    @Test
    void theServerPort_listensOnLoopbackOnly_andTheLockFileAloneGivesNoAccess() throws Exception {
        Path home = temp.resolve("port");
        try (Storage storage = open(home)) {
            storage.accounts().insert(account("acme"));
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(home.resolve("appkeys.lock.db"))) {
                lock.load(in);
            }
            int port = Integer.parseInt(lock.getProperty("server").replaceAll(".*:", ""));
            String byLockFile = "jdbc:h2:tcp://127.0.0.1:" + port + "/" + lock.getProperty("id");

            assertEquals(
                    List.of(true),
                    listenersOn(port).stream()
                            .map(InetAddress::isLoopbackAddress)
                            .distinct()
                            .toList(),
                    "listening addresses of port " + port);
            SQLException refused =
                    assertThrows(SQLException.class, () -> DriverManager.getConnection(byLockFile, "", ""));
            assertEquals("28000", refused.getSQLState(), refused::getMessage);
            String password = Files.readString(home.resolve("appkeys.password")).strip();
            try (Connection owner = DriverManager.getConnection(byLockFile, "appkeys", password)) {
                assertFalse(owner.isClosed());
            }
        }
    }

    @Test
    void aStoreMadeBeforePasswords_getsOne_andKeepsItsData() throws Exception {
        Path home = temp.resolve("legacy");
        DatabaseSettings settings = DatabaseSettings.embedded(home);
        try (Storage before = Databases.open(DatabaseSettings.of(settings.url() + ";USER=;PASSWORD="))) {
            before.accounts().insert(account("acme"));
        }
        assertFalse(Files.exists(home.resolve("appkeys.password")));

        try (Storage storage = open(home)) {
            assertTrue(storage.accounts().find(new AccountName("acme")).isPresent());
        }

        assertTrue(Files.exists(home.resolve("appkeys.password")));
        assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(
                                Databases.withH2Defaults(settings).url(), "", "")
                        .close());
    }

    /** The local addresses that listen on {@code port}, read from the kernel's socket tables. */
    private static List<InetAddress> listenersOn(int port) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))
                    .subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (Integer.parseInt(local[1], 16) == port && fields[3].equals("0A")) {
                    addresses.add(InetAddress.getByAddress(
                            littleEndianWords(HexFormat.of().parseHex(local[0]))));
                }
            }
        }
        return addresses;
    }

    /** The kernel prints an address as 32-bit words in host (little-endian) order. */
    private static byte[] littleEndianWords(byte[] raw) {
        byte[] address = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = raw[word + 3 - i];
            }
        }
        return address;
    }
}
