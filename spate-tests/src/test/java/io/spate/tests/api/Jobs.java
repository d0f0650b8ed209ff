package io.spate.tests.api;

import io.spate.api.datastream.DataStream;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.common.util.CloseableIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Small helpers for running jobs and looking at what they produced. */
final class Jobs {
    private Jobs() {}

    /** Runs the job of {@code stream} and returns every element it produced, in arrival order. */
    static <T> List<T> collect(DataStream<T> stream) throws JobExecutionException {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /**
     * The elements in their natural order: compare two large results element for element without
     * caring for the order they arrived in (AssertJ's "in any order" is quadratic).
     */
    static <T extends Comparable<? super T>> List<T> sorted(List<T> elements) {
        List<T> copy = new ArrayList<>(elements);
        copy.sort(null);
        return copy;
    }

    /** The elements grouped by {@code key}, each group in the order of {@code elements}. */
    static <T, K> Map<K, List<T>> groupBy(List<T> elements, Function<T, K> key) {
        Map<K, List<T>> groups = new LinkedHashMap<>();
        for (T e : elements) {
            groups.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    /** Completes with the client of the next job {@code stream}'s environment submits. */
    static CompletableFuture<JobClient> nextClient(DataStream<?> stream) {
        CompletableFuture<JobClient> client = new CompletableFuture<>();
        stream.getExecutionEnvironment().registerJobListener(client::complete);
        return client;
    }
}
