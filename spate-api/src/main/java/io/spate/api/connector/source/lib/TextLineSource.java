package io.spate.api.connector.source.lib;

import io.spate.annotations.Public;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lines of a UTF-8 text file, or of every regular file under a directory (recursively, hidden
 * files skipped, in name order). Large files are cut into byte ranges so that several subtasks read
 * one file; a line belongs to the range that holds its first byte. Line terminators ({@code \n} or
 * {@code \r\n}) are removed.
 *
 * <p>Each range is a split with an output of its own, so that its event time is judged on its own:
 * a subtask reads its ranges one after the other, and a range counts for the watermark from its
 * first line until it is done.
 *
 * <p>Reading files blocks, so this source runs its readers on threads of their own.
 */
@Public
public final class TextLineSource implements Source<String, FileRangeSplit> {
    private static final long serialVersionUID = 1L;

    /** Ranges are never cut smaller than this. */
    static final long MIN_SPLIT_BYTES = 1 << 20;

    private final String path;

    public TextLineSource(String path) {
        this.path = path;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public boolean isBlocking() {
        return true;
    }

    @Override
    public List<FileRangeSplit> createSplits(int parallelism) throws IOException {
        Path root = Paths.get(path);
        if (!Files.exists(root)) {
            throw new FileNotFoundException("The text source path '" + path + "' does not exist");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !isHidden(root.relativize(p)))
                        .sorted()
                        .forEach(files::add);
            }
        } else {
            files.add(root);
        }
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        long target =
                Math.max(MIN_SPLIT_BYTES, (total + parallelism - 1) / Math.max(1, parallelism));
        List<FileRangeSplit> splits = new ArrayList<>();
        for (Path f : files) {
            long size = Files.size(f);
            long start = 0;
            do {
                long end = size - start > target + target / 2 ? start + target : size;
                splits.add(new FileRangeSplit(f.toString(), start, end));
                start = end;
            } while (start < size);
        }
        return splits;
    }

    /** Whether a file or any directory on its way down from the root is hidden. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public SourceReader<String, FileRangeSplit> createReader(SourceReaderContext context) {
        return new Reader();
    }

    private static final class Reader implements SourceReader<String, FileRangeSplit> {
        private static final int LINES_PER_POLL = 64;

        private final ArrayDeque<FileRangeSplit> pending = new ArrayDeque<>();
        private FileRangeSplit current;
        private LineInput input;

        @Override
        public void addSplits(List<FileRangeSplit> splits) {
            pending.addAll(splits);
        }

        @Override
        public void start() {}

        @Override
        public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
            SourceOutput<String> splitOutput = null;
            for (int i = 0; i < LINES_PER_POLL; i++) {
                if (input == null && !openNext()) {
                    return InputStatus.END_OF_INPUT;
                }
                String line = input.position() < current.end() ? input.readLine() : null;
                if (line == null) {
                    output.releaseOutputForSplit(current.splitId());
                    closeCurrent();
                    splitOutput = null;
                    continue;
                }
                if (splitOutput == null) {
                    splitOutput = output.createOutputForSplit(current.splitId());
                }
                splitOutput.collect(line);
            }
            return InputStatus.MORE_AVAILABLE;
        }

        private boolean openNext() throws IOException {
            current = pending.poll();
            if (current == null) {
                return false;
            }
            FileChannel channel =
                    FileChannel.open(Paths.get(current.path()), StandardOpenOption.READ);
            try {
                long start = current.offset();
                if (start > 0) {
                    // The line that starts before our range belongs to the previous range.
                    channel.position(start - 1);
                    input = new LineInput(Channels.newInputStream(channel), start - 1);
                    input.skipLine();
                } else {
                    input = new LineInput(Channels.newInputStream(channel), 0);
                }
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return true;
        }

        private void closeCurrent() throws IOException {
            input.close();
            input = null;
            current = null;
        }

        @Override
        public List<FileRangeSplit> snapshotState(long checkpointId) {
            List<FileRangeSplit> state = new ArrayList<>();
            if (current != null && input != null && input.position() < current.end()) {
                state.add(current.withOffset(input.position()));
            }
            state.addAll(pending);
            return state;
        }

        @Override
        public void close() throws IOException {
            if (input != null) {
                closeCurrent();
            }
        }
    }

    /** Reads lines as UTF-8 while counting the bytes consumed. */
    private static final class LineInput implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int pos;
        private int limit;
        private long position;
        private byte[] line = new byte[256];

        LineInput(InputStream in, long position) {
            this.in = in;
            this.position = position;
        }

        /** The file offset of the next byte to read. */
        long position() {
            return position;
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }

        void skipLine() throws IOException {
            while (true) {
                if (pos == limit && !fill()) {
                    return;
                }
                byte b = buffer[pos++];
                position++;
                if (b == '\n') {
                    return;
                }
            }
        }

        /** The next line without its terminator, or {@code null} at the end of the file. */
        String readLine() throws IOException {
            int len = 0;
            boolean any = false;
            while (true) {
                if (pos == limit && !fill()) {
                    break;
                }
                any = true;
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                if (len + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
                }
                System.arraycopy(buffer, start, line, len, n);
                len += n;
                position += n;
                if (pos < limit) {
                    pos++;
                    position++;
                    if (len > 0 && line[len - 1] == '\r') {
                        len--;
                    }
                    return new String(line, 0, len, StandardCharsets.UTF_8);
                }
            }
            if (!any) {
                return null;
            }
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            return new String(line, 0, len, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
