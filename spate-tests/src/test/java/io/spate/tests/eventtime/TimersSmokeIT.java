package io.spate.tests.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.KeyedProcessFunction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimersSmokeIT {
    static final OutputTag<String> ODD = new OutputTag<>("odd") {};

    @Test
    void eventTimeTimersFireAndSideOutputsArrive() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        SingleOutputStreamOperator<String> out =
                env.fromSource(
                                new DataGeneratorSource<>(i -> i, 1000, Types.LONG),
                                WatermarkStrategy.<Long>forBoundedOutOfOrderness(
                                                Duration.ofMillis(10))
                                        .withTimestampAssigner((v, ts) -> v * 10),
                                "numbers")
                        .keyBy(v -> v % 5)
                        .process(new TimerPerElement())
                        .returns(Types.STRING);
        out.getSideOutput(ODD).map(s -> "side " + s).returns(Types.STRING).print();
        List<String> timers = out.executeAndCollect(10_000);
        assertThat(timers).hasSize(1000);
        assertThat(timers).contains("timer 0@5", "timer 4@9995");
    }

    static final class TimerPerElement extends KeyedProcessFunction<Long, Long, String> {
        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
            if (value % 2 == 1) {
                ctx.output(ODD, "odd " + value);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect("timer " + ctx.getCurrentKey() + "@" + timestamp);
        }
    }
}
