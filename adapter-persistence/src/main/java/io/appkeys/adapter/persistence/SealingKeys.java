package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the key that seals the token-signing keys comes from; it is kept outside the database, so that a copy
 * of the database signs nothing. The first of:
 *
 * <ol>
 *   <li>{@code APPKEYS_SEALING_KEY}: the key itself, 32 bytes in base64 (from a secret store, say);
 *   <li>{@code APPKEYS_SEALING_KEY_FILE}: a file holding it, which must exist;
 *   <li>{@code sealing.key} in {@code APPKEYS_HOME} (by default {@code ~/.appkeys}, beside the embedded store),
 *       made on first use, readable by its owner only.
 * </ol>
 *
 * <p>Every process that shares a database must be given the same key. This class finds it, and makes it when
 * there is none; the composition root turns it into core's {@code SealingKey}.
 */
public final class SealingKeys {

    public static final String KEY_VARIABLE = "APPKEYS_SEALING_KEY";
    public static final String FILE_VARIABLE = "APPKEYS_SEALING_KEY_FILE";
    static final String DEFAULT_FILE = "sealing.key";
    /** Bytes of key: AES-256. */
    static final int LENGTH = 32;

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private SealingKeys() {}

    /**
     * The sealing key the environment names, in base64, made in {@code APPKEYS_HOME} when it names none.
     *
     * @throws InvalidInputException when what it names is not 32 bytes in base64, or a file that does not exist
     */
    public static String fromEnvironment(Map<String, String> environment) {
        Optional<String> key = nonBlank(environment.get(KEY_VARIABLE));
        if (key.isPresent()) {
            return read(key.get(), KEY_VARIABLE);
        }
        Optional<String> file = nonBlank(environment.get(FILE_VARIABLE));
        if (file.isPresent()) {
            try {
                return read(Files.readString(Path.of(file.get()), StandardCharsets.US_ASCII), file.get());
            } catch (NoSuchFileException e) {
                throw new InvalidInputException(FILE_VARIABLE + " names " + file.get() + ", which does not exist");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sealing key file " + file.get(), e);
            }
        }
        return inHome(DatabaseSettings.home(environment));
    }

    /** The key in {@code home}'s {@code sealing.key}, written there (owner-only) by the first process to need it. */
    static String inHome(Path home) {
        Path file = home.resolve(DEFAULT_FILE);
        try {
            if (!Files.isDirectory(home)) {
                Files.createDirectories(home);
                restrict(home, OWNER_ONLY_DIRECTORY);
            }
            if (!Files.exists(file)) {
                byte[] key = new byte[LENGTH];
                new SecureRandom().nextBytes(key);
                createOnce(file, Base64.getEncoder().encodeToString(key));
            }
            restrict(file, OWNER_ONLY_FILE);
            return read(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sealing key in " + file, e);
        }
    }

    /** Writes {@code content} to {@code file}, owner-only and whole, unless another process wrote it first. */
    private static void createOnce(Path file, String content) throws IOException {
        Path draft = Files.createTempFile(file.getParent(), DEFAULT_FILE, ".tmp");
        try {
            restrict(draft, OWNER_ONLY_FILE);
            Files.writeString(draft, content + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException e) {
            // another process made it first: theirs is the key
        } catch (UnsupportedOperationException e) {
            Files.move(draft, file);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** {@code text}, stripped, when it is 32 bytes in base64. */
    private static String read(String text, String where) {
        String key = text.strip();
        int length;
        try {
            length = Base64.getDecoder().decode(key).length;
        } catch (IllegalArgumentException e) {
            length = -1;
        }
        if (length != LENGTH) {
            throw new InvalidInputException(
                    "the sealing key in " + where + " is not one: it must be " + LENGTH + " bytes in base64");
        }
        return key;
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
