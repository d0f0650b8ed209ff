package io.spate.cli;

import io.spate.common.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How long {@code spate savepoint} and {@code spate stop} wait for the savepoint. */
final class SavepointOptions {
    @Option(
            names = "--timeout",
            paramLabel = "<duration>",
            defaultValue = "10min",
            converter = DurationConverter.class,
            description =
                    "How long to wait for the savepoint, e.g. 90s or 10min (default:"
                            + " ${DEFAULT-VALUE}). The savepoint goes on if this runs out.")
    Duration timeout;

    /**
     * The directory as the JobManager needs it: absolute, resolved against this process's working
     * directory (the JobManager does not know it).
     */
    static String absolute(Path directory) {
        return directory == null ? null : directory.toAbsolutePath().normalize().toString();
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d;
            try {
                d = Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (d.isZero() || d.isNegative()) {
                throw new TypeConversionException("'" + value + "' is not a positive duration");
            }
            return d;
        }
    }
}
