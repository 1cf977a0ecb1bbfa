package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.StoreUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An H2 database kept in a file, made private to its owner: its directory 0700 and its files 0600, a password
 * that the database requires (drawn on first use and kept in an owner-only file beside it, so the lock file
 * alone gives no access), and its automatic-mixed-mode port on loopback only.
 */
final class H2File {

    /** The database user AppKeys creates; H2 keeps unquoted names in upper case. */
    static final String USER = "APPKEYS";

    static final String PASSWORD_SUFFIX = ".password";
    private static final String PENDING_SUFFIX = ".password.new";
    private static final String BIND_ADDRESS = "h2.bindAddress";
    private static final String WRONG_PASSWORD = "28000";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    static {
        // H2 reads this once, when it first starts a server; every AppKeys process sets it before that.
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, InetAddress.getLoopbackAddress().getHostAddress());
        }
    }

    private final Path base;
    private final boolean ownsDirectory;
    private final boolean posix =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private H2File(Path base, boolean ownsDirectory) {
        this.base = base;
        this.ownsDirectory = ownsDirectory;
    }

    /**
     * The file store that {@code settings} names, if it names one. The embedded store ({@link
     * DatabaseSettings#embedded}) owns its directory, which is repaired to 0700; any other directory is the
     * operator's, and is only reported when others can read it.
     */
    static Optional<H2File> of(DatabaseSettings settings) {
        String prefix = "jdbc:h2:file:";
        if (!settings.url().startsWith(prefix)) {
            return Optional.empty();
        }
        String file = settings.url().substring(prefix.length()).split(";", 2)[0];
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        Path base = Path.of(file).toAbsolutePath().normalize();
        boolean embedded = settings.url()
                .equals(DatabaseSettings.embedded(base.getParent()).url());
        return Optional.of(new H2File(base, embedded));
    }

    Path directory() {
        return base.getParent();
    }

    /** Whether the database file has been made already. */
    boolean exists() {
        return Files.exists(sibling(".mv.db"));
    }

    Path passwordFile() {
        return sibling(PASSWORD_SUFFIX);
    }

    /** Creates the directory (0700) or brings an existing one of AppKeys' own back to 0700. */
    void prepareDirectory(Consumer<String> warnings) {
        Path directory = directory();
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                restrict(directory, OWNER_ONLY_DIRECTORY);
                return;
            }
            if (!readableByOthers(directory)) {
                return;
            }
            if (ownsDirectory) {
                restrict(directory, OWNER_ONLY_DIRECTORY);
                warnings.accept("the store directory " + directory + " was readable by others; it is now 0700");
            } else {
                warnings.accept("the directory " + directory + " of the store is readable by others; its files are"
                        + " kept 0600, but consider a directory of its own with mode 0700");
            }
        } catch (IOException e) {
            throw new StoreUnavailableException(
                    "cannot prepare the store directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Brings every file of this store to 0600; says so once when one was found wider before the open. */
    void restrictFiles(boolean wasWider, Consumer<String> warnings) {
        for (Path file : files()) {
            try {
                restrict(file, OWNER_ONLY_FILE);
            } catch (IOException e) {
                throw new StoreUnavailableException(
                        "cannot restrict the store file " + file + ": " + e.getMessage(), e);
            }
        }
        if (wasWider) {
            warnings.accept("files of the store " + base + " were readable by others; they are now 0600");
        }
    }

    /** Whether a file of this store can be read by others now. */
    boolean anyFileReadableByOthers() {
        return files().stream().anyMatch(this::readableByOthers);
    }

    /**
     * The settings with the credentials the database requires. A new store gets a random password, written
     * to the password file before the database exists; a store made before passwords (an empty user, no
     * password) is given one, in an order that a crash at any step cannot leave without a way in.
     */
    DatabaseSettings withPassword(DatabaseSettings settings) {
        Path passwordFile = passwordFile();
        try {
            if (Files.exists(passwordFile)) {
                return settings.withCredentials(USER, read(passwordFile));
            }
            if (!exists()) {
                return settings.withCredentials(USER, createOnce(passwordFile, newPassword()));
            }
            return settings.withCredentials(USER, secureLegacyStore(settings));
        } catch (IOException e) {
            throw new StoreUnavailableException(
                    "cannot read or write the store password " + passwordFile + ": " + e.getMessage(), e);
        }
    }

    /** Refuses to open a store whose server port could be reached from other machines. */
    static void requireLoopbackServer(DatabaseSettings settings) {
        if (!settings.url().toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
            return;
        }
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        try {
            if (bound != null && InetAddress.getByName(bound).isLoopbackAddress()) {
                return;
            }
            throw notLoopback(bound, null);
        } catch (UnknownHostException e) {
            throw notLoopback(bound, e);
        }
    }

    private static StoreUnavailableException notLoopback(String bound, Throwable cause) {
        return new StoreUnavailableException(
                "the embedded store's server port would accept connections from" + " other machines (h2.bindAddress="
                        + bound + "); start Java with -D" + BIND_ADDRESS + "=127.0.0.1",
                cause);
    }

    private String secureLegacyStore(DatabaseSettings settings) throws IOException {
        Path pending = sibling(PENDING_SUFFIX);
        String password = Files.exists(pending) ? read(pending) : createOnce(pending, newPassword());
        try (Connection legacy = DriverManager.getConnection(settings.url(), "", "");
                Statement statement = legacy.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS " + USER + " PASSWORD '" + password + "' ADMIN");
            statement.execute("DROP USER \"\"");
        } catch (SQLException e) {
            if (!WRONG_PASSWORD.equals(e.getSQLState()) || !opens(settings, password)) {
                throw new StoreUnavailableException(
                        "cannot open the store at " + settings.redactedUrl() + ": it requires a password that "
                                + passwordFile() + " does not hold",
                        e);
            }
        }
        Files.move(pending, passwordFile());
        return password;
    }

    private static boolean opens(DatabaseSettings settings, String password) {
        try (Connection ignored = DriverManager.getConnection(settings.url(), USER, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Writes {@code content} to {@code file}, owner-only, unless another process wrote it first; returns what
     * the file holds. The content is complete before the file appears (a hard link of a finished file).
     */
    private String createOnce(Path file, String content) throws IOException {
        Path draft = Files.createTempFile(directory(), file.getFileName().toString(), ".tmp");
        try {
            restrict(draft, OWNER_ONLY_FILE);
            Files.writeString(draft, content, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, draft);
            } catch (UnsupportedOperationException e) {
                Files.move(draft, file); // fails, as the link does, when the file exists already
            }
            return content;
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty() || !password.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IOException("the password file is empty or damaged");
        }
        return password;
    }

    /** 32 random letters and digits: about 190 bits, and nothing that needs quoting in SQL. */
    private static String newPassword() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private List<Path> files() {
        String prefix = base.getFileName() + ".";
        try (Stream<Path> entries = Files.list(directory())) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().startsWith(prefix))
                    .toList();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    private Path sibling(String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    private boolean readableByOthers(Path path) {
        try {
            return posix && Files.getPosixFilePermissions(path).stream().anyMatch(OTHERS::contains);
        } catch (IOException e) {
            return false;
        }
    }

    private void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
