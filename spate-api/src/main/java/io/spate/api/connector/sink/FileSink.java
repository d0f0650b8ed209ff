package io.spate.api.connector.sink;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes records as rows into part files under a directory, exactly once by default.
 *
 * <p>Each subtask writes its own files. A part is written under a hidden in-progress name ({@code
 * .part-<writer>-<subtask>-<n>.inprogress}); with {@link DeliveryGuarantee#EXACTLY_ONCE}, at each
 * checkpoint the part is closed and renamed to a hidden pending name, and only when the checkpoint
 * completes is it renamed to its visible name {@code part-<writer>-<subtask>-<n>}. After a failure,
 * pending parts of the restored checkpoint are committed and everything written after it stays
 * hidden and is written again. With {@link DeliveryGuarantee#AT_LEAST_ONCE}, parts become visible
 * at every checkpoint, roll-over and the end of the input, without waiting; a failure may then
 * repeat records. Without checkpoints, exactly-once parts become visible when the input ends.
 * Readers that ignore hidden files never see a part that is not committed.
 *
 * @param <T> the record type
 */
@Public
public final class FileSink<T> implements TwoPhaseCommittingSink<T, FileSink.Committable> {
    private static final long serialVersionUID = 1L;

    /** Parts are rolled over to a new file at this size unless configured otherwise. */
    public static final long DEFAULT_ROLLING_BYTES = 128L << 20;

    private static final String IN_PROGRESS = ".inprogress";
    private static final String PENDING = ".pending";

    private final String directory;
    private final Encoder<T> encoder;
    private final long rollingBytes;
    private final DeliveryGuarantee guarantee;

    /** A pending part and the visible name it gets when committed. */
    public record Committable(String pendingPath, String finalPath) {}

    private FileSink(
            String directory, Encoder<T> encoder, long rollingBytes, DeliveryGuarantee guarantee) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (rollingBytes < 1) {
            throw new IllegalArgumentException(
                    "rolling size must be positive, was " + rollingBytes);
        }
        this.rollingBytes = rollingBytes;
        this.guarantee = Objects.requireNonNull(guarantee, "guarantee");
    }

    /**
     * An exactly-once sink writing rows with {@code encoder} into part files under {@code
     * directory}.
     */
    public static <T> FileSink<T> forRowFormat(String directory, Encoder<T> encoder) {
        return new FileSink<>(
                directory, encoder, DEFAULT_ROLLING_BYTES, DeliveryGuarantee.EXACTLY_ONCE);
    }

    /** The same sink, starting a new part file once a part reaches {@code bytes}. */
    public FileSink<T> withRollingSize(long bytes) {
        return new FileSink<>(directory, encoder, bytes, guarantee);
    }

    /** The same sink with another delivery guarantee. */
    public FileSink<T> withDeliveryGuarantee(DeliveryGuarantee deliveryGuarantee) {
        return new FileSink<>(directory, encoder, rollingBytes, deliveryGuarantee);
    }

    @Override
    public boolean isBlocking() {
        return true;
    }

    @Override
    public TypeInfo<Committable> getCommittableType() {
        return TypeInfo.of(Committable.class);
    }

    @Override
    public PrecommittingSinkWriter<T, Committable> createWriter(SinkWriterContext context)
            throws IOException {
        Path dir = Paths.get(directory);
        Files.createDirectories(dir);
        return new Writer(dir, context.getIndexOfSubtask());
    }

    @Override
    public Committer<Committable> createCommitter() {
        return FileSink::commit;
    }

    /** Renames pending parts to their visible names; a part already visible is left alone. */
    private static void commit(Collection<Committable> committables) throws IOException {
        for (Committable c : committables) {
            Path pending = Paths.get(c.pendingPath());
            Path target = Paths.get(c.finalPath());
            if (Files.exists(pending)) {
                Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.exists(target)) {
                throw new IOException(
                        "Cannot commit "
                                + target
                                + ": neither it nor its pending file "
                                + pending
                                + " exists; its records would be lost");
            }
        }
    }

    private final class Writer implements PrecommittingSinkWriter<T, Committable> {
        private final Path dir;
        private final String prefix;
        private final List<Committable> closedSinceLastCommit = new ArrayList<>();
        private int partCounter;
        private Path inProgress;
        private Path target;
        private CountingStream out;

        Writer(Path dir, int subtask) {
            this.dir = dir;
            this.prefix =
                    "part-" + UUID.randomUUID().toString().substring(0, 8) + "-" + subtask + "-";
        }

        @Override
        public void write(T element, Context context) throws IOException {
            if (out == null) {
                openPart();
            }
            encoder.encode(element, out);
            if (out.count >= rollingBytes) {
                closePart();
            }
        }

        private void openPart() throws IOException {
            do {
                target = dir.resolve(prefix + partCounter++);
            } while (Files.exists(target));
            inProgress = dir.resolve("." + target.getFileName() + IN_PROGRESS);
            out =
                    new CountingStream(
                            new BufferedOutputStream(Files.newOutputStream(inProgress), 1 << 16));
        }

        /** Closes the current part: visible at once, or pending until its checkpoint completes. */
        private void closePart() throws IOException {
            out.close();
            out = null;
            if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
                Path pending = dir.resolve("." + target.getFileName() + PENDING);
                Files.move(inProgress, pending, StandardCopyOption.ATOMIC_MOVE);
                closedSinceLastCommit.add(new Committable(pending.toString(), target.toString()));
            } else {
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
            }
            inProgress = null;
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (out == null) {
                return;
            }
            if (endOfInput || guarantee == DeliveryGuarantee.AT_LEAST_ONCE) {
                closePart();
            } else {
                out.flush();
            }
        }

        @Override
        public Collection<Committable> prepareCommit() throws IOException {
            if (out != null) {
                closePart();
            }
            List<Committable> result = new ArrayList<>(closedSinceLastCommit);
            closedSinceLastCommit.clear();
            return result;
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                // Not committed: the input did not end. The in-progress file stays hidden.
                out.close();
                out = null;
            }
        }
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream delegate;
        long count;

        CountingStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
