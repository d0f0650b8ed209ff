package io.spate.cluster.artifacts;

import io.spate.cluster.artifacts.ArtifactRejectedException.Reason;
import io.spate.common.config.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars of submitted jobs, content-addressed: a jar's id is the SHA-256 of its bytes in
 * lower-case hex, and it is kept as {@code <id>.jar} in one directory. A jar is written to a
 * temporary file while it is hashed, checked against the id it was sent under, and only then moved
 * into place atomically, so that a reader never sees half a jar and a wrong one is never stored.
 * Storing the same jar twice keeps one copy.
 *
 * <p>Thread-safe: concurrent {@link #put}s of the same id race only on the final move, which either
 * wins or finds the same bytes already there. {@link #close()} deletes the directory when the store
 * created it.
 */
public final class ArtifactStore implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final String SUFFIX = ".jar";

    private final Path directory;
    private final long maxSize;
    private final boolean ownsDirectory;

    private ArtifactStore(Path directory, long maxSize, boolean ownsDirectory) {
        if (maxSize < 1) {
            throw new IllegalArgumentException(
                    "Option '"
                            + ArtifactOptions.MAX_SIZE.key()
                            + "' must be at least 1 byte, was "
                            + maxSize);
        }
        this.directory = directory;
        this.maxSize = maxSize;
        this.ownsDirectory = ownsDirectory;
    }

    /**
     * A store in {@link ArtifactOptions#DIRECTORY} (created if missing and kept on close), or in a
     * fresh temporary directory that {@link #close()} deletes.
     */
    public static ArtifactStore open(Configuration config) {
        String dir = config.get(ArtifactOptions.DIRECTORY);
        long maxSize = config.get(ArtifactOptions.MAX_SIZE);
        try {
            if (dir == null || dir.isBlank()) {
                return new ArtifactStore(
                        Files.createTempDirectory("spate-artifacts"), maxSize, true);
            }
            Path path = Path.of(dir.strip());
            Files.createDirectories(path);
            return new ArtifactStore(path, maxSize, false);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the artifact directory"
                            + (dir == null
                                    ? ""
                                    : " '" + dir + "' (" + ArtifactOptions.DIRECTORY.key() + ")")
                            + ": "
                            + e,
                    e);
        }
    }

    /** A store in {@code directory}, which must exist, kept on close. */
    public static ArtifactStore in(Path directory, long maxSize) {
        return new ArtifactStore(directory, maxSize, false);
    }

    /** The largest jar accepted, in bytes. */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores the bytes of {@code in} (read to its end, not closed) as the jar {@code sha256Hex}.
     *
     * @return whether the jar was new (false: the same bytes were there already)
     * @throws ArtifactRejectedException when the id is malformed, the bytes hash to another id, or
     *     there are more than {@link #maxSize()}; nothing is stored then
     * @throws UncheckedIOException when reading or writing fails
     */
    public boolean put(String sha256Hex, InputStream in) {
        checkId(sha256Hex);
        MessageDigest sha = sha256();
        Path temp;
        try {
            temp = Files.createTempFile(directory, ".upload-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + directory + ": " + e, e);
        }
        try {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                copyBounded(in, out);
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(sha256Hex)) {
                throw new ArtifactRejectedException(
                        Reason.CHECKSUM_MISMATCH,
                        "The jar's SHA-256 is "
                                + actual
                                + ", not "
                                + sha256Hex
                                + " as its id says; it was changed or cut short on the way");
            }
            Path target = path(sha256Hex);
            if (Files.exists(target)) {
                return false;
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                return false; // another upload of the same bytes won
            } catch (AtomicMoveNotSupportedException e) {
                throw new UncheckedIOException(
                        "The artifact directory " + directory + " cannot move files atomically", e);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store jar " + sha256Hex + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a leftover temporary file; the directory is cleaned on close
            }
        }
    }

    private void copyBounded(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxSize) {
                throw new ArtifactRejectedException(
                        Reason.TOO_LARGE,
                        "The jar is larger than "
                                + maxSize
                                + " bytes, the most this JobManager accepts ("
                                + ArtifactOptions.MAX_SIZE.key()
                                + ")");
            }
            out.write(buffer, 0, n);
        }
    }

    /** Whether the jar {@code id} is stored. */
    public boolean contains(String id) {
        return isId(id) && Files.isRegularFile(path(id));
    }

    /** Where the jar {@code id} is (or would be) kept. */
    public Path path(String id) {
        checkId(id);
        return directory.resolve(id + SUFFIX);
    }

    /** Reads the jar {@code id}. */
    public InputStream open(String id) throws IOException {
        try {
            return Files.newInputStream(path(id));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(
                    path(id).toString(), null, "no jar " + id + " is stored; upload it first");
        }
    }

    /** The directory the jars are kept in. */
    public Path directory() {
        return directory;
    }

    /** Deletes the directory and the jars in it, when this store created it. */
    @Override
    public void close() {
        if (!ownsDirectory) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static void checkId(String id) {
        if (!isId(id)) {
            throw new ArtifactRejectedException(
                    Reason.BAD_ID,
                    "'"
                            + id
                            + "' is not an artifact id: ids are the SHA-256 of the jar, 64"
                            + " lower-case hex digits");
        }
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
