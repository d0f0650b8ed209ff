package io.spate.api.connector.sink;

import io.spate.annotations.Public;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Writes records as rows into part files under a directory. Each subtask writes its own files,
 * {@code part-<subtask>-<n>}; a file is first written under a hidden in-progress name ({@code
 * .part-<subtask>-<n>.inprogress}) and renamed to its final name when it is complete: when it
 * reaches the rolling size or the input ends. Readers that ignore hidden files therefore never see
 * a half-written part. Existing part files are never overwritten.
 *
 * @param <T> the record type
 */
@Public
public final class FileSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** Parts are rolled over to a new file at this size unless configured otherwise. */
    public static final long DEFAULT_ROLLING_BYTES = 128L << 20;

    private final String directory;
    private final Encoder<T> encoder;
    private final long rollingBytes;

    private FileSink(String directory, Encoder<T> encoder, long rollingBytes) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (rollingBytes < 1) {
            throw new IllegalArgumentException(
                    "rolling size must be positive, was " + rollingBytes);
        }
        this.rollingBytes = rollingBytes;
    }

    /** A sink writing rows with {@code encoder} into part files under {@code directory}. */
    public static <T> FileSink<T> forRowFormat(String directory, Encoder<T> encoder) {
        return new FileSink<>(directory, encoder, DEFAULT_ROLLING_BYTES);
    }

    /** The same sink, starting a new part file once a part reaches {@code bytes}. */
    public FileSink<T> withRollingSize(long bytes) {
        return new FileSink<>(directory, encoder, bytes);
    }

    @Override
    public boolean isBlocking() {
        return true;
    }

    @Override
    public SinkWriter<T> createWriter(SinkWriterContext context) throws IOException {
        Path dir = Paths.get(directory);
        Files.createDirectories(dir);
        return new Writer(dir, context.getIndexOfSubtask());
    }

    private final class Writer implements SinkWriter<T> {
        private final Path dir;
        private final int subtask;
        private int partCounter;
        private Path inProgress;
        private CountingStream out;

        Writer(Path dir, int subtask) {
            this.dir = dir;
            this.subtask = subtask;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            if (out == null) {
                openPart();
            }
            encoder.encode(element, out);
            if (out.count >= rollingBytes) {
                commitPart();
            }
        }

        private void openPart() throws IOException {
            Path target;
            do {
                target = dir.resolve(finalName(partCounter++));
            } while (Files.exists(target));
            inProgress = dir.resolve("." + target.getFileName() + ".inprogress");
            out =
                    new CountingStream(
                            new BufferedOutputStream(Files.newOutputStream(inProgress), 1 << 16));
        }

        private String finalName(int counter) {
            return "part-" + subtask + "-" + counter;
        }

        private void commitPart() throws IOException {
            out.close();
            String name = inProgress.getFileName().toString();
            Path target = dir.resolve(name.substring(1, name.length() - ".inprogress".length()));
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(
                        target.toString(), null, "a part file of this name appeared while writing");
            }
            Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
            out = null;
            inProgress = null;
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (out == null) {
                return;
            }
            if (endOfInput) {
                commitPart();
            } else {
                out.flush();
            }
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
