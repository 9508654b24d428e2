package org.signet.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The file that holds the master keys, outside the database and the EAR; its path is the setting
 * {@code signet.pki.master-key-file}. The format is one line per key and one naming the current
 * key:
 *
 * <pre>
 * current=mk-20250301T101500Z-3fa2
 * key.mk-20250301T101500Z-3fa2=&lt;base64 of 32 random bytes&gt;
 * </pre>
 *
 * A rotation adds a key and makes it current ({@code add}), re-seals every stored key ({@code
 * CustomerPki.rotateMasterKey()}), and then retires the old key ({@code retire}). The file is
 * always written with owner-only permissions, through a temporary file and an atomic rename.
 *
 * <p>From a shell: {@code java -cp signet-ejb.jar org.signet.pki.MasterKeyFile create|add|retire
 * <id>|list FILE}. Only the JDK is needed on the class path.
 */
public final class MasterKeyFile {

    private static final Logger LOG = Logger.getLogger(MasterKeyFile.class.getName());

    static final String CURRENT = "current";
    static final String KEY_PREFIX = "key.";
    private static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MasterKeyFile() {}

    /** Reads the master keys; fails with the path and the problem, never with key material. */
    public static MasterKeys load(Path file) {
        warnIfReadableByOthers(file);
        var lines = readLines(file);

        var current = lines.get(CURRENT);
        if (current == null) {
            throw invalid(file, "it names no current key (a line current=<id>)");
        }
        var keys = new TreeMap<String, SecretKey>();
        lines.forEach(
                (name, value) -> {
                    if (name.startsWith(KEY_PREFIX)) {
                        var id = name.substring(KEY_PREFIX.length());
                        keys.put(id, secretKey(file, id, value));
                    }
                });
        if (!keys.containsKey(current)) {
            throw invalid(file, "the current key " + current + " has no key." + current + " line");
        }
        return new MasterKeys(current, keys);
    }

    /**
     * Writes a new file with one fresh key as the current one.
     *
     * @return the id of the new key
     * @throws UncheckedIOException wrapping {@link FileAlreadyExistsException} if the file exists
     */
    public static String create(Path file) {
        if (Files.exists(file)) {
            throw new UncheckedIOException(
                    new FileAlreadyExistsException(
                            file.toString(), null, "keep the existing keys"));
        }
        var id = newKeyId();
        write(file, id, Map.of(id, newKey()));
        return id;
    }

    /** Adds a fresh key to an existing file and makes it the current one; returns its id. */
    public static String addKey(Path file) {
        var lines = readLines(file);
        var keys = encodedKeys(lines);
        var id = newKeyId();
        keys.put(id, newKey());
        write(file, id, keys);
        return id;
    }

    /** Removes a key that no stored row needs any more; the current key cannot be retired. */
    public static void retire(Path file, String id) {
        var lines = readLines(file);
        if (id.equals(lines.get(CURRENT))) {
            throw invalid(file, "the current key " + id + " cannot be retired");
        }
        var keys = encodedKeys(lines);
        if (keys.remove(id) == null) {
            throw invalid(file, "it has no key " + id);
        }
        write(file, lines.get(CURRENT), keys);
    }

    /** {@code create FILE}, {@code add FILE}, {@code retire FILE ID} or {@code list FILE}. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println(
                    "usage: MasterKeyFile create FILE | add FILE | retire FILE ID | list FILE");
            System.exit(2);
        }
        var file = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "create" -> System.out.println("Created " + file + ": " + create(file));
                case "add" -> System.out.println("Current master key now " + addKey(file));
                case "retire" -> {
                    retire(file, args[2]);
                    System.out.println("Retired master key " + args[2]);
                }
                case "list" -> System.out.println(load(file));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (RuntimeException e) {
            System.err.println("MasterKeyFile " + args[0] + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String newKeyId() {
        var time = ZonedDateTime.now(ZoneOffset.UTC).format(ID_TIME);
        var suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return "mk-" + time + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String newKey() {
        var key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static SecretKey secretKey(Path file, String id, String base64) {
        if (!KEY_ID.matcher(id).matches()) {
            throw invalid(file, "the key id " + id + " has characters outside [A-Za-z0-9._-]");
        }
        try {
            var bytes = Base64.getDecoder().decode(base64);
            if (bytes.length != KEY_BYTES) {
                throw invalid(file, "key " + id + " is not 32 bytes long");
            }
            return new SecretKeySpec(bytes, "AES");
        } catch (IllegalArgumentException e) {
            throw invalid(file, "key " + id + " is not base64");
        }
    }

    private static Map<String, String> readLines(Path file) {
        try {
            var lines = new TreeMap<String, String>();
            for (var line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                var trimmed = line.strip();
                var equals = trimmed.indexOf('=');
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && equals > 0) {
                    lines.put(
                            trimmed.substring(0, equals).strip(),
                            trimmed.substring(equals + 1).strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master key file " + file, e);
        }
    }

    private static Map<String, String> encodedKeys(Map<String, String> lines) {
        var keys = new TreeMap<String, String>();
        lines.forEach(
                (name, value) -> {
                    if (name.startsWith(KEY_PREFIX)) {
                        keys.put(name.substring(KEY_PREFIX.length()), value);
                    }
                });
        return keys;
    }

    private static void write(Path file, String currentId, Map<String, String> keys) {
        var text = new StringBuilder();
        text.append("# Signet master keys. Keep outside the database and the EAR, owner-only.\n");
        text.append("# Rotate: add a key, run the re-seal, then retire the old key.\n");
        text.append(CURRENT).append('=').append(currentId).append('\n');
        new TreeMap<>(keys)
                .forEach(
                        (id, key) ->
                                text.append(KEY_PREFIX + id).append('=').append(key).append('\n'));
        try {
            var directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            var temporary = ownerOnlyTemporaryFile(directory);
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the master key file " + file, e);
        }
    }

    private static Path ownerOnlyTemporaryFile(Path directory) throws IOException {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    directory,
                    ".master-keys",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        // TODO [Pki] no owner-only permissions on non-POSIX file systems: restrict the folder
        return Files.createTempFile(directory, ".master-keys", ".tmp");
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                LOG.log(
                        Level.WARNING,
                        "Master key file {0} is readable by others than its owner: chmod 600 it",
                        file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master key file " + file, e);
        }
    }

    private static IllegalStateException invalid(Path file, String problem) {
        return new IllegalStateException("The master key file " + file + " is invalid: " + problem);
    }
}
