package io.spate.tests.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.connector.source.lib.FromElementsSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.co.CoFlatMapFunction;
import io.spate.api.functions.co.CoMapFunction;
import io.spate.api.functions.co.CoProcessFunction;
import io.spate.common.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connected streams in real jobs on the embedded engine, compared with plain computations. */
class ConnectIT {

    static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    static <T extends Comparable<? super T>> List<T> sorted(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }

    @Test
    void coMapAndCoFlatMapSeeEveryElementOfBothInputs() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        DataStream<Long> numbers = env.fromSequence(1, 500);
        DataStream<String> words = env.fromElements("a", "bb", "ccc");
        DataStream<String> mapped = numbers.connect(words).map(new Describe());
        DataStream<String> flatMapped =
                numbers.connect(words).flatMap(new Split()).returns(Types.STRING);
        List<String> out = collect(mapped.union(flatMapped));

        List<String> expected = new ArrayList<>();
        for (long n = 1; n <= 500; n++) {
            expected.add("n" + n);
            if (n % 100 == 0) {
                expected.add("hundred " + n);
            }
        }
        for (String w : List.of("a", "bb", "ccc")) {
            expected.add("w" + w);
            for (char c : w.toCharArray()) {
                expected.add("c" + c);
            }
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedCoProcessEnrichmentEqualsAPlainJoin(int parallelism) throws Exception {
        Random random = new Random(42 + parallelism);
        List<Rate> rates = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        String[] currencies = {"EUR", "USD", "GBP", "JPY", "CHF", "SEK", "NOK"};
        for (int i = 0; i < 3000; i++) {
            long time = i * 2L + random.nextInt(40);
            String currency = currencies[random.nextInt(currencies.length)];
            if (i % 10 == 0) {
                rates.add(new Rate(currency, i * 2L + random.nextInt(40), 1 + i));
            }
            orders.add(new Order(currency, time, random.nextInt(1000)));
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<Order> orderStream =
                env.fromSource(
                                new FromElementsSource<>(orders),
                                EveryEventWatermarks.strategy(40, (o, ts) -> o.time()),
                                "orders",
                                TypeInfo.of(Order.class))
                        .setParallelism(1);
        DataStream<Rate> rateStream =
                env.fromSource(
                                new FromElementsSource<>(rates),
                                EveryEventWatermarks.strategy(40, (r, ts) -> r.time()),
                                "rates",
                                TypeInfo.of(Rate.class))
                        .setParallelism(1);
        List<String> out =
                collect(
                        orderStream
                                .connect(rateStream)
                                .keyBy(Order::currency, Rate::currency)
                                .process(new EnrichOrders())
                                .returns(Types.STRING));
        assertThat(sorted(out)).isEqualTo(sorted(EnrichOrders.reference(orders, rates)));
    }

    /**
     * The rates end at once; the orders never do. Orders are priced only when the watermark passes
     * them, so prices arrive only if the operator's watermark follows the orders alone once the
     * rates have ended (an input that has ended no longer holds it back).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void whenOneInputEndsTheWatermarkFollowsTheOther() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Order> orders =
                env.fromSource(
                        new DataGeneratorSource<>(
                                i -> new Order(i % 2 == 0 ? "EUR" : "USD", i, i),
                                DataGeneratorSource.UNBOUNDED,
                                TypeInfo.of(Order.class)),
                        EveryEventWatermarks.<Order>strategy(0, (o, ts) -> o.time())
                                .withoutIdleness(),
                        "orders");
        DataStream<Rate> rates =
                env.fromSource(
                                new FromElementsSource<>(
                                        List.of(new Rate("EUR", 0, 10), new Rate("USD", 0, 20))),
                                EveryEventWatermarks.<Rate>strategy(0, (r, ts) -> r.time())
                                        .withoutIdleness(),
                                "rates",
                                TypeInfo.of(Rate.class))
                        .setParallelism(1);
        List<String> priced =
                orders.connect(rates)
                        .keyBy(Order::currency, Rate::currency)
                        .process(new EnrichOrders())
                        .returns(Types.STRING)
                        .executeAndCollect(2000);
        assertThat(priced).hasSize(2000).doesNotHaveDuplicates();
        for (String p : priced) {
            long time = Long.parseLong(p.substring(4, p.indexOf(':')));
            boolean eur = time % 2 == 0;
            assertThat(p)
                    .isEqualTo(
                            (eur ? "EUR" : "USD")
                                    + "@"
                                    + time
                                    + ":"
                                    + time
                                    + "x"
                                    + (eur ? 10 : 20));
        }
    }

    @Test
    void timersOnNonKeyedConnectedStreamsFailTheJobClearly() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Long> numbers =
                env.fromSource(
                        new DataGeneratorSource<>(i -> i, 10, Types.LONG),
                        WatermarkStrategy.<Long>forMonotonousTimestamps()
                                .withTimestampAssigner((v, ts) -> v),
                        "numbers");
        DataStream<String> out =
                numbers.connect(env.fromElements("x"))
                        .process(new TimerOnNonKeyed())
                        .returns(Types.STRING)
                        .name("Timers");
        assertThatThrownBy(() -> collect(out))
                .hasStackTraceContaining("'Timers'")
                .rootCause()
                .hasMessageContaining("timers are not available")
                .hasMessageContaining("KeyedCoProcessFunction");
    }

    static final class Describe implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "n" + value;
        }

        @Override
        public String map2(String value) {
            return "w" + value;
        }
    }

    static final class Split implements CoFlatMapFunction<Long, String, String> {
        @Override
        public void flatMap1(Long value, Collector<String> out) {
            if (value % 100 == 0) {
                out.collect("hundred " + value);
            }
        }

        @Override
        public void flatMap2(String value, Collector<String> out) {
            for (char c : value.toCharArray()) {
                out.collect("c" + c);
            }
        }
    }

    static final class TimerOnNonKeyed extends CoProcessFunction<Long, String, String> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(value + 1);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {}
    }
}
