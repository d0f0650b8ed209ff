package io.spate.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The output of the tests' keyed counting jobs: the numbers {@code 0 .. records-1} keyed by {@code
 * i % keys}, each record counted in its key and written as {@code key,count} to a file sink.
 */
public final class KeyedCountOutput {
    private KeyedCountOutput() {}

    /** What a run without failures writes: for every key, the counts 1, 2, ... of its records. */
    public static Map<String, Integer> expected(long records, int keys) {
        Map<String, Integer> lines = new HashMap<>();
        long[] perKey = new long[keys];
        for (long i = 0; i < records; i++) {
            int k = (int) (i % keys);
            lines.merge(k + "," + ++perKey[k], 1, Integer::sum);
        }
        return lines;
    }

    /**
     * Every committed (visible) line of a file sink's output directory, with how often it occurs;
     * empty when the directory does not exist. In-progress and pending files are hidden.
     */
    public static Map<String, Integer> committedLines(Path dir) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return lines;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    lines.merge(l, 1, Integer::sum);
                }
            }
        }
        return lines;
    }
}
