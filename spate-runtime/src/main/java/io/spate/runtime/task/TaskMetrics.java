package io.spate.runtime.task;

import io.spate.annotations.Internal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of one subtask: records in and out per operator of its chain, and the user's
 * counters by name.
 */
@Internal
public final class TaskMetrics {
    /** Counters whose names end with this are maxima: merged by taking the largest. */
    public static final String MAX_SUFFIX = "Max";

    private final Map<String, SimpleCounter> userCounters = new LinkedHashMap<>();
    private final Map<String, Long> maxima = new LinkedHashMap<>();
    private final Map<String, OperatorCounters> operators = new LinkedHashMap<>();
    private final List<OperatorCounters> sources = new java.util.ArrayList<>();
    private final List<OperatorCounters> sinks = new java.util.ArrayList<>();

    /** Records in and out of one operator. */
    public static final class OperatorCounters {
        public final SimpleCounter in = new SimpleCounter();
        public final SimpleCounter out = new SimpleCounter();
    }

    public OperatorCounters operator(String metricsName, boolean isSource, boolean isSink) {
        OperatorCounters c = operators.computeIfAbsent(metricsName, k -> new OperatorCounters());
        if (isSource) {
            sources.add(c);
        }
        if (isSink) {
            sinks.add(c);
        }
        return c;
    }

    public SimpleCounter userCounter(String name) {
        return userCounters.computeIfAbsent(name, k -> new SimpleCounter());
    }

    /** Records a maximum; its name must end with {@link #MAX_SUFFIX}. */
    public void recordMax(String name, long value) {
        if (!name.endsWith(MAX_SUFFIX)) {
            throw new IllegalArgumentException("a maximum's name must end with " + MAX_SUFFIX);
        }
        maxima.merge(name, value, Math::max);
    }

    /** Merges a counter into a job-wide total: maxima by the largest, others by sum. */
    public static long merge(String name, long a, long b) {
        return name.endsWith(MAX_SUFFIX) ? Math.max(a, b) : a + b;
    }

    /** Records the sources of this subtask emitted. */
    public long recordsIn() {
        long n = 0;
        for (OperatorCounters c : sources) {
            n += c.out.getCount();
        }
        return n;
    }

    /** Records the sinks of this subtask received. */
    public long recordsOut() {
        long n = 0;
        for (OperatorCounters c : sinks) {
            n += c.in.getCount();
        }
        return n;
    }

    /** All counters by name: user counters, and {@code <operator>.numRecordsIn/Out}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        userCounters.forEach((k, v) -> m.put(k, v.getCount()));
        m.putAll(maxima);
        operators.forEach(
                (k, v) -> {
                    m.put(k + ".numRecordsIn", v.in.getCount());
                    m.put(k + ".numRecordsOut", v.out.getCount());
                });
        return m;
    }
}
