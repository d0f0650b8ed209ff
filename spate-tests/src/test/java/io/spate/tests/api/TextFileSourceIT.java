package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.RichMapFunction;
import io.spate.api.connector.source.lib.FileRangeSplit;
import io.spate.api.connector.source.lib.TextLineSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code readTextFile} gives exactly the lines of the files, however they are cut into ranges. */
class TextFileSourceIT {

    @TempDir Path dir;

    @Test
    void aSingleFileGivesItsLinesInOrder() throws Exception {
        Path file =
                write(
                        dir.resolve("single.txt"),
                        "alpha\nbeta\r\n\ngamma δ\n\n  spaced  \r\nwith\rinner CR\nlast");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<String> lines = Jobs.collect(env.readTextFile(file.toString()));

        assertThat(lines)
                .containsExactly(
                        "alpha", "beta", "", "gamma δ", "", "  spaced  ", "with\rinner CR", "last");
    }

    @Test
    void aFileEndingWithANewlineHasNoExtraEmptyLine() throws Exception {
        Path file = write(dir.resolve("terminated.txt"), "one\r\ntwo\n\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        assertThat(Jobs.collect(env.readTextFile(file.toString())))
                .containsExactly("one", "two", "");
    }

    @Test
    void aDirectoryGivesTheLinesOfEveryVisibleFileBelowIt() throws Exception {
        Path root = Files.createDirectories(dir.resolve("input"));
        write(root.resolve("a.txt"), "a1\na2\n");
        write(root.resolve("empty.txt"), "");
        write(root.resolve("only-newline.txt"), "\n");
        write(Files.createDirectories(root.resolve("sub")).resolve("b.txt"), "b1\r\nb2\r\n\r\nb4");
        write(
                Files.createDirectories(root.resolve("sub/deeper/deepest")).resolve("c.log"),
                "c1 ünïcödé\nc2 €\n");
        // Hidden files and everything in hidden directories, at any depth, are skipped.
        write(root.resolve(".hidden.txt"), "hidden-top\n");
        write(root.resolve("sub/.hidden.txt"), "hidden-nested\n");
        write(Files.createDirectories(root.resolve(".cache")).resolve("x.txt"), "hidden-dir\n");
        write(
                Files.createDirectories(root.resolve("sub/.git/objects")).resolve("config"),
                "hidden-nested-dir\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

        List<String> lines = Jobs.collect(env.readTextFile(root.toString()));

        assertThat(lines)
                .containsExactlyInAnyOrder(
                        "a1", "a2", "", "b1", "b2", "", "b4", "c1 ünïcödé", "c2 €");
    }

    @Test
    void aLargeMultiByteFileCutIntoRangesGivesEachLineExactlyOnce() throws Exception {
        Path file = dir.resolve("large.txt");
        List<String> expected = writeLargeFile(file, 9L << 19); // 4.5 MiB
        byte[] bytes = Files.readAllBytes(file);
        List<FileRangeSplit> splits = new TextLineSource(file.toString()).createSplits(4);
        // What this test is about: four ranges, which start in the middle of lines and, for at
        // least one, in the middle of a multi-byte character.
        assertThat(splits).hasSize(4);
        boolean midCharacter = false;
        for (FileRangeSplit s : splits.subList(1, splits.size())) {
            assertThat(bytes[(int) s.offset() - 1])
                    .as("byte before %s", s)
                    .isNotEqualTo((byte) '\n');
            midCharacter |= (bytes[(int) s.offset()] & 0xC0) == 0x80;
        }
        assertThat(midCharacter).as("a range starts inside a UTF-8 sequence").isTrue();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        List<Line> lines = Jobs.collect(env.readTextFile(file.toString()).map(new TagLine()));

        // Range i is read by subtask i, in order: the ranges' lines, one after the other, are
        // exactly the file's lines.
        Map<Integer, List<Line>> bySubtask = Jobs.groupBy(lines, Line::subtask);
        assertThat(bySubtask).containsOnlyKeys(0, 1, 2, 3);
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bySubtask.get(i).forEach(l -> joined.add(l.text()));
        }
        assertThat(joined).hasSameSizeAs(expected);
        assertThat(joined).isEqualTo(expected);
    }

    @Test
    void aMissingPathFailsTheJobNamingThePath() {
        String missing = dir.resolve("no-such-file.txt").toString();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.readTextFile(missing).sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> env.execute("missing input"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining(missing)
                .hasMessageContaining("does not exist");
    }

    /**
     * Writes lines of mostly multi-byte characters (2, 3 and 4 bytes in UTF-8), with empty lines,
     * some CRLF endings and a last line without a terminator, until the file has {@code size}
     * bytes. Returns the lines as the source must give them.
     */
    private static List<String> writeLargeFile(Path file, long size) throws IOException {
        String[] pieces = {"ü", "€", "𝄞", "日本語", "ab", "ñø"};
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; out.size() < size; i++) {
            String line;
            if (i % 97 == 0) {
                line = "";
            } else {
                StringBuilder sb = new StringBuilder().append(i).append(':');
                for (int k = 0; k < i % 61; k++) {
                    sb.append(pieces[(i + k) % pieces.length]);
                }
                line = sb.toString();
            }
            lines.add(line);
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(i % 13 == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        String last = "the end: 𝄞 without a newline";
        lines.add(last);
        out.writeBytes(last.getBytes(StandardCharsets.UTF_8));
        Files.write(file, out.toByteArray());
        return lines;
    }

    private static Path write(Path file, String content) throws IOException {
        return Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A line with the index of the source subtask that read it. */
    record Line(int subtask, String text) {}

    /** Tags each line with the subtask that reads it (chained to the source subtask). */
    static final class TagLine extends RichMapFunction<String, Line> {
        private static final long serialVersionUID = 1L;

        @Override
        public Line map(String text) {
            return new Line(getRuntimeContext().getIndexOfThisSubtask(), text);
        }
    }
}
