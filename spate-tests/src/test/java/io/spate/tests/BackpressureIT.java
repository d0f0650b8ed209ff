package io.spate.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backpressure: 20 million records into a slow sink in a JVM with a 256 MiB heap finish without
 * running out of memory, and no channel ever buffers more than it is allowed to.
 */
class BackpressureIT {
    private static final long RECORDS = 20_000_000;

    @Test
    void twentyMillionRecordsIntoASlowSinkFitIn256Megabytes(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("job.log");
        Process process =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-XX:+ExitOnOutOfMemoryError",
                                "-cp",
                                System.getProperty("java.class.path"),
                                BackpressureJob.class.getName(),
                                String.valueOf(RECORDS))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        boolean exited = process.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = read(log);
        System.out.println(output);
        assertThat(exited).as("the job ended in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();

        Matcher m =
                Pattern.compile(
                                "RESULT records=(\\d+) pendingBatchesMax=(\\d+) peakHeapBytes=(\\d+)")
                        .matcher(output);
        assertThat(m.find()).as("result line in:%n%s", output).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(RECORDS);
        // A writer stops taking input as soon as one batch waits, so at most one batch waits
        // per channel (plus the end-of-input marker).
        assertThat(Long.parseLong(m.group(2))).isLessThanOrEqualTo(2);
        assertThat(Long.parseLong(m.group(3))).isLessThan(256L << 20);
    }

    private static String read(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(System.lineSeparator(), lines);
    }
}
