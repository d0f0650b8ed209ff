package io.spate.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.common.time.Clock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text source emits each file range through its own output. */
class TextLineSourceTest {
    @TempDir Path dir;

    private static final SourceReaderContext CONTEXT =
            new SourceReaderContext() {
                @Override
                public int getIndexOfSubtask() {
                    return 0;
                }

                @Override
                public int getParallelism() {
                    return 1;
                }

                @Override
                public Clock getClock() {
                    return Clock.system();
                }

                @Override
                public ClassLoader getUserCodeClassLoader() {
                    return TextLineSourceTest.class.getClassLoader();
                }
            };

    private RecordingReaderOutput<String> readAll(TextLineSource source, int parallelism)
            throws Exception {
        List<FileRangeSplit> splits = source.createSplits(parallelism);
        RecordingReaderOutput<String> out = new RecordingReaderOutput<>();
        try (SourceReader<String, FileRangeSplit> reader = source.createReader(CONTEXT)) {
            reader.addSplits(splits);
            reader.start();
            for (int polls = 0; reader.pollNext(out) != InputStatus.END_OF_INPUT; polls++) {
                assertThat(polls).as("polls").isLessThan(100_000);
            }
        }
        return out;
    }

    @Test
    void eachFileIsASplitWithAnOutputOfItsOwn() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a1\na2\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.txt"), "b1\r\nb2\r\nb3", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("c.txt"), "", StandardCharsets.UTF_8);
        TextLineSource source = new TextLineSource(dir.toString());

        RecordingReaderOutput<String> out = readAll(source, 1);

        String a = dir.resolve("a.txt") + ":0-6";
        String b = dir.resolve("b.txt") + ":0-10";
        assertThat(out.bySplit).containsOnlyKeys(a, b);
        assertThat(out.bySplit.get(a)).containsExactly("a1", "a2");
        assertThat(out.bySplit.get(b)).containsExactly("b1", "b2", "b3");
        // An empty file never holds the watermark back: it gets no output at all.
        assertThat(out.lifecycle())
                .containsExactly("create " + a, "release " + a, "create " + b, "release " + b);
    }

    @Test
    void theRangesOfALargeFileAreSplitsOfTheirOwn() throws Exception {
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; text.length() < 3 * TextLineSource.MIN_SPLIT_BYTES; i++) {
            String line = "line " + i + " " + "x".repeat(i % 50);
            lines.add(line);
            text.append(line).append('\n');
        }
        Path file = dir.resolve("big.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        TextLineSource source = new TextLineSource(file.toString());

        RecordingReaderOutput<String> out = readAll(source, 3);

        assertThat(out.bySplit).hasSize(3);
        List<String> all = new ArrayList<>();
        out.bySplit.values().forEach(all::addAll);
        assertThat(all).isEqualTo(lines);
        assertThat(out.lifecycle()).hasSize(6);
    }
}
