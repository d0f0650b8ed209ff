package io.spate.core.checkpoint;

import io.spate.annotations.Internal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads and writes the files of checkpoints and savepoints. Every file is
 *
 * <pre>
 *   magic "SPTS" (4 bytes) | format version (int) | kind (int) | payload | CRC-32C of all before (long)
 * </pre>
 *
 * and is written under a temporary name, forced to disk, then renamed atomically: a reader sees a
 * complete file or none. Reading verifies the magic, version, kind, length and checksum before it
 * returns a byte of payload.
 */
@Internal
public final class SnapshotFiles {
    private SnapshotFiles() {}

    private static final int MAGIC = 0x53505453; // "SPTS"

    /** The version of the format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final int HEADER = 12;
    private static final int FOOTER = 8;

    /** What a file holds, so that a state file is never read as metadata or vice versa. */
    public enum Kind {
        OPERATOR_STATE(1),
        METADATA(2);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    /**
     * Writes {@code payload[0, length)} to {@code file} atomically.
     *
     * @throws IOException when the file cannot be written; nothing is left under its name then
     */
    public static void write(Path file, Kind kind, byte[] payload, int length) throws IOException {
        try (Writer writer = open(file, kind)) {
            writer.write(payload, 0, length);
            writer.commit();
        }
    }

    /**
     * Starts writing {@code file} piece by piece, so that a large state never has to be held in
     * memory whole: {@link Writer#write} the payload, then {@link Writer#commit}; closing a writer
     * that was not committed deletes what it wrote.
     */
    public static Writer open(Path file, Kind kind) throws IOException {
        return new Writer(file, kind);
    }

    /** A snapshot file being written: under a temporary name until {@link #commit}. */
    public static final class Writer implements AutoCloseable {
        private static final int BUFFER = 64 * 1024;

        private final Path file;
        private final Path tmp;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        private final CRC32C crc = new CRC32C();
        private long payloadBytes;
        private boolean committed;
        private boolean closed;

        private Writer(Path file, Kind kind) throws IOException {
            this.file = file;
            this.tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            this.channel =
                    FileChannel.open(
                            tmp,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE);
            buffer.putInt(MAGIC).putInt(FORMAT_VERSION).putInt(kind.code);
        }

        /** The payload bytes written so far: the offset of the next one. */
        public long payloadPosition() {
            return payloadBytes;
        }

        /** Appends {@code bytes[offset, offset + length)} to the payload. */
        public void write(byte[] bytes, int offset, int length) throws IOException {
            payloadBytes += length;
            while (length > 0) {
                if (!buffer.hasRemaining()) {
                    flushBuffer();
                }
                int n = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, n);
                offset += n;
                length -= n;
            }
        }

        private void flushBuffer() throws IOException {
            buffer.flip();
            crc.update(buffer.array(), 0, buffer.limit());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        /**
         * Ends the payload with the checksum, forces the file to disk and renames it to its name.
         */
        public void commit() throws IOException {
            flushBuffer();
            buffer.putLong(crc.getValue());
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            channel.close();
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(
                        "The checkpoint storage at "
                                + file.getParent()
                                + " cannot rename atomically",
                        e);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            channel.close();
            if (!committed) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The verified payload of {@code file}. */
    public static byte[] read(Path file, Kind kind) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CorruptSnapshotException(file, "it does not exist");
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length < HEADER + FOOTER) {
            throw new CorruptSnapshotException(
                    file, "it has " + all.length + " bytes, fewer than a header and a checksum");
        }
        ByteBuffer buffer = ByteBuffer.wrap(all);
        int magic = buffer.getInt();
        if (magic != MAGIC) {
            throw new CorruptSnapshotException(file, "it is not a Spate snapshot file");
        }
        int version = buffer.getInt();
        if (version != FORMAT_VERSION) {
            throw new CorruptSnapshotException(
                    file,
                    "its format version is "
                            + version
                            + ", this version of Spate reads version "
                            + FORMAT_VERSION);
        }
        int kindCode = buffer.getInt();
        if (kindCode != kind.code) {
            throw new CorruptSnapshotException(
                    file, "it holds kind " + kindCode + " where " + kind + " was expected");
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - FOOTER);
        long stored = ByteBuffer.wrap(all, all.length - FOOTER, FOOTER).getLong();
        if (stored != crc.getValue()) {
            throw new CorruptSnapshotException(
                    file, "its checksum does not match its content (truncated or changed)");
        }
        byte[] payload = new byte[all.length - HEADER - FOOTER];
        System.arraycopy(all, HEADER, payload, 0, payload.length);
        return payload;
    }
}
