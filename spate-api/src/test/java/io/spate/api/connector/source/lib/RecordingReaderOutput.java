package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ReaderOutput} that records what a reader does with it: which records went through which
 * split's output, and when split outputs were created and released. Records emitted without a split
 * fail, because the built-in readers must emit per split.
 */
final class RecordingReaderOutput<T> implements ReaderOutput<T> {
    /** Everything in order: {@code "create 0"}, {@code "0: 17"}, {@code "release 0"}. */
    final List<String> events = new ArrayList<>();

    final Map<String, List<T>> bySplit = new LinkedHashMap<>();
    private final Map<String, SourceOutput<T>> outputs = new LinkedHashMap<>();

    @Override
    public void collect(T record) {
        throw new AssertionError("a record without a split: " + record);
    }

    @Override
    public void collect(T record, long timestamp) {
        throw new AssertionError("a record without a split: " + record);
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        return outputs.computeIfAbsent(
                splitId,
                id -> {
                    events.add("create " + id);
                    return new SourceOutput<>() {
                        @Override
                        public void collect(T record) {
                            if (!outputs.containsKey(id)) {
                                throw new AssertionError("split " + id + " was released");
                            }
                            events.add(id + ": " + record);
                            bySplit.computeIfAbsent(id, k -> new ArrayList<>()).add(record);
                        }

                        @Override
                        public void collect(T record, long timestamp) {
                            collect(record);
                        }
                    };
                });
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        if (outputs.remove(splitId) != null) {
            events.add("release " + splitId);
        }
    }

    /** The events that are not records. */
    List<String> lifecycle() {
        return events.stream()
                .filter(e -> e.startsWith("create ") || e.startsWith("release "))
                .toList();
    }
}
