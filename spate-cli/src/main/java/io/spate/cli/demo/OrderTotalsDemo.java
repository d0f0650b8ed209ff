package io.spate.cli.demo;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.connector.source.lib.GeneratorFunction;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionException;
import java.util.Locale;

/**
 * The job {@code spate demo} runs: a generator of sample orders at a fixed rate, keyed by city,
 * with a rolling sum of the amount printed for every order, so that the totals appear as the orders
 * arrive. The orders are a function of their index, so every run produces the same ones.
 *
 * <p>Types are given explicitly (generator, key), so that the job does not depend on extracting
 * them from lambdas.
 */
public final class OrderTotalsDemo {
    public static final String JOB_NAME = "Spate demo: order totals per city";

    private static final String[] CITIES = {
        "Amsterdam", "Berlin", "Lisbon", "Oslo", "Prague", "Vienna"
    };

    private OrderTotalsDemo() {}

    /**
     * Builds the job for {@code count} orders at {@code ordersPerSecond} and runs it to its end.
     */
    public static void run(long count, double ordersPerSecond) throws JobExecutionException {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        GeneratorFunction<Long, Order> orders = OrderTotalsDemo::order;
        env.fromSource(
                        new DataGeneratorSource<>(
                                orders, count, ordersPerSecond, Types.of(Order.class)),
                        "Sample orders")
                .setParallelism(1)
                .keyBy(Order::city, Types.STRING)
                .sum("amount")
                .name("Total per city")
                .map(OrderTotalsDemo::describe)
                .returns(Types.STRING)
                .name("Format")
                .print();
        env.execute(JOB_NAME);
    }

    /** One line of output: {@code Oslo total 247 EUR}. */
    static String describe(Order total) {
        return String.format(Locale.ROOT, "%-10s total %6d EUR", total.city(), total.amount());
    }

    /** The order with this index: a city and an amount from 5 to 200 euros. */
    static Order order(Long index) {
        long h = mix(index);
        return new Order(CITIES[Math.floorMod(h, CITIES.length)], 5 + Math.floorMod(h >>> 32, 196));
    }

    /** SplitMix64's finalizer: consecutive indexes give unrelated bits. */
    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
