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
    private final Map<String, SimpleCounter> userCounters = new LinkedHashMap<>();
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
        operators.forEach(
                (k, v) -> {
                    m.put(k + ".numRecordsIn", v.in.getCount());
                    m.put(k + ".numRecordsOut", v.out.getCount());
                });
        return m;
    }
}
