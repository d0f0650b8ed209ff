package io.spate.nexmark.queries;

import io.spate.annotations.Public;
import io.spate.api.datastream.DataStream;
import io.spate.nexmark.model.Event;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One of the Nexmark queries of SPEC §6, written with the DataStream API: turns the stream of
 * events into the stream of the query's result rows.
 */
@Public
public interface NexmarkQuery {
    /** The query's name: {@code q0}, {@code q1}, … */
    String name();

    /**
     * Adds the query to the job of {@code events} (timestamped, with watermarks) and returns its
     * result rows.
     */
    DataStream<? extends ResultRow> apply(DataStream<Event> events);

    /** Every query, in SPEC order. */
    static List<NexmarkQuery> all() {
        return List.of(
                new Q0(), new Q1(), new Q2(), new Q3(), new Q4(), new Q5(), new Q7(), new Q8(),
                new Q11());
    }

    /** The query called {@code name} ({@code q5} or {@code Q5}). */
    static NexmarkQuery named(String name) {
        Map<String, NexmarkQuery> byName =
                all().stream().collect(Collectors.toMap(NexmarkQuery::name, Function.identity()));
        NexmarkQuery query = byName.get(name.toLowerCase(Locale.ROOT));
        if (query == null) {
            throw new IllegalArgumentException(
                    "There is no Nexmark query '"
                            + name
                            + "'; the queries are "
                            + all().stream().map(NexmarkQuery::name).toList());
        }
        return query;
    }
}
