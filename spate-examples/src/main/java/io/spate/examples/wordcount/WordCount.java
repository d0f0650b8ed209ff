package io.spate.examples.wordcount;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Counts words: the "hello world" of stream processing.
 *
 * <pre>
 *   spate run --class io.spate.examples.wordcount.WordCount spate-examples.jar --input book.txt
 *   spate run --class io.spate.examples.wordcount.WordCount spate-examples.jar --generate 100000
 * </pre>
 *
 * <p>Reads the lines of a file or directory ({@code --input}) or generates {@code --generate N}
 * lines of sample text, splits them into lower-case words, and keeps a running count per word. Each
 * new count is printed (or written as text files under {@code --output DIR}).
 */
public final class WordCount {
    private WordCount() {}

    /** A word and how often it was seen so far. */
    public record Count(String word, long count) {}

    /** Turns lines into the running count of each word. */
    public static DataStream<Count> counts(DataStream<String> lines) {
        return lines.flatMap(new Tokenizer())
                .name("Tokenizer")
                .keyBy(Count::word)
                .sum("count")
                .name("Count");
    }

    /** Splits a line into lower-case words, each with a count of one. */
    public static final class Tokenizer implements FlatMapFunction<String, Count> {
        private static final long serialVersionUID = 1L;
        private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

        @Override
        public void flatMap(String line, Collector<Count> out) {
            for (String token : NON_WORD.split(line.toLowerCase(Locale.ROOT))) {
                if (!token.isEmpty()) {
                    out.collect(new Count(token, 1));
                }
            }
        }
    }

    /** The same words a plain Java loop would find: for checking results. */
    public static String[] tokenize(String line) {
        return java.util.Arrays.stream(Tokenizer.NON_WORD.split(line.toLowerCase(Locale.ROOT)))
                .filter(t -> !t.isEmpty())
                .toArray(String[]::new);
    }

    /** A source of {@code lines} lines of sample text; line i is always the same text. */
    public static DataGeneratorSource<String> sampleText(long lines) {
        return new DataGeneratorSource<>(SampleText::line, lines, Types.STRING);
    }

    public static void main(String[] args) throws Exception {
        Arguments a = Arguments.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<String> lines =
                a.input != null
                        ? env.readTextFile(a.input)
                        : env.fromSource(sampleText(a.generate), "Sample text");
        DataStream<Count> counts = counts(lines);
        if (a.output != null) {
            counts.writeAsText(a.output);
        } else {
            counts.print();
        }
        env.execute("WordCount");
    }

    private static final class Arguments {
        String input;
        String output;
        long generate = 10_000;

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--input":
                        a.input = require(args[i], value);
                        i++;
                        break;
                    case "--output":
                        a.output = require(args[i], value);
                        i++;
                        break;
                    case "--generate":
                        a.generate = Long.parseLong(require(args[i], value));
                        i++;
                        break;
                    default:
                        throw new IllegalArgumentException(
                                "Unknown argument '"
                                        + args[i]
                                        + "'; use --input PATH or --generate N, and --output DIR");
                }
            }
            return a;
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
