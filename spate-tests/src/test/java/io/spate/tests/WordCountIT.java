package io.spate.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SinkWriterContext;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionResult;
import io.spate.examples.wordcount.SampleText;
import io.spate.examples.wordcount.WordCount;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WordCount over ~50 MB of text gives the same counts as plain Java, at any parallelism. */
class WordCountIT {
    private static final long TARGET_BYTES = 50L << 20;

    @TempDir static Path dir;
    private static Path input;
    private static Map<String, Long> expected;

    @BeforeAll
    static void writeText() throws IOException {
        input = Files.createDirectories(dir.resolve("text"));
        expected = new HashMap<>();
        long written = 0;
        long line = 0;
        // Two files of different sizes: several files and ranges within a file are both read.
        for (int file = 0; file < 2; file++) {
            long limit = file == 0 ? TARGET_BYTES * 3 / 5 : TARGET_BYTES;
            try (BufferedWriter out =
                    Files.newBufferedWriter(
                            input.resolve("part-" + file + ".txt"), StandardCharsets.UTF_8)) {
                while (written < limit) {
                    String text = SampleText.line(line++);
                    out.write(text);
                    out.write('\n');
                    written += text.length() + 1;
                    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
                        if (!word.isEmpty()) {
                            expected.merge(word, 1L, Long::sum);
                        }
                    }
                }
            }
        }
        assertThat(written).isGreaterThanOrEqualTo(TARGET_BYTES);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void countsEqualAPlainJavaCount(int parallelism) throws Exception {
        Path out = dir.resolve("counts-" + parallelism);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        WordCount.counts(env.readTextFile(input.toString()))
                .sinkTo(new FinalCountsSink(out.toString()));
        JobExecutionResult result = env.execute("WordCount p" + parallelism);

        Map<String, Long> actual = new HashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                for (String l : Files.readAllLines(f)) {
                    int space = l.lastIndexOf(' ');
                    Long previous =
                            actual.put(
                                    l.substring(0, space), Long.parseLong(l.substring(space + 1)));
                    // keyBy sends every word to exactly one subtask.
                    assertThat(previous).as("word %s counted by two subtasks", l).isNull();
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
        long words = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(result.getCounter("Count.numRecordsIn")).isEqualTo(words);
    }

    /** Keeps the latest count of each word and writes them all when the input ends. */
    static final class FinalCountsSink implements Sink<WordCount.Count> {
        private static final long serialVersionUID = 1L;
        private final String directory;

        FinalCountsSink(String directory) {
            this.directory = directory;
        }

        @Override
        public SinkWriter<WordCount.Count> createWriter(SinkWriterContext context)
                throws IOException {
            Path file =
                    Files.createDirectories(Path.of(directory))
                            .resolve("subtask-" + context.getIndexOfSubtask());
            Map<String, Long> latest = new HashMap<>();
            return new SinkWriter<>() {
                @Override
                public void write(WordCount.Count c, Context ctx) {
                    latest.merge(c.word(), c.count(), Math::max);
                }

                @Override
                public void flush(boolean endOfInput) {
                    if (!endOfInput) {
                        return;
                    }
                    List<String> lines =
                            latest.entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue())
                                    .toList();
                    try {
                        Files.write(file, lines);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {}
            };
        }
    }
}
