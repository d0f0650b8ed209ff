package io.spate.tests.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.testutils.PipelineTestDriver;
import io.spate.testutils.TestInput;
import io.spate.testutils.TestOutput;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The examples of the user guide's event-time section (§11), kept working. */
class UserGuideEventTimeTest {
    record Click(String user) {}

    static final OutputTag<Click> LATE = new OutputTag<>("late") {};

    public static class SilenceAlert extends KeyedProcessFunction<String, Click, String> {
        private transient ValueState<Long> last;

        @Override
        public void open(OpenContext ctx) {
            last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", Types.LONG));
        }

        @Override
        public void processElement(Click click, Context ctx, Collector<String> out)
                throws Exception {
            last.update(ctx.timestamp());
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 60_000);
        }

        @Override
        public void onTimer(long time, OnTimerContext ctx, Collector<String> out) throws Exception {
            if (ctx.timeDomain() == TimeDomain.EVENT_TIME && last.value() + 60_000 == time) {
                out.collect(ctx.getCurrentKey() + " silent since " + last.value());
            }
        }
    }

    @Test
    void testingEventTimeLogic() throws Exception {
        try (var driver = new PipelineTestDriver()) {
            TestInput<Click> clicks = driver.input(Types.of(Click.class), 2);
            var alerts = clicks.stream().keyBy(Click::user).process(new SilenceAlert());
            TestOutput<String> out = driver.capture(alerts);
            TestOutput<Click> late = driver.capture(alerts.getSideOutput(LATE));

            clicks.split(0).add(new Click("ann"), 1_000);
            clicks.split(0).advanceWatermark(70_000);
            assertThat(out.values()).isEmpty();
            clicks.split(1).markIdle();
            assertThat(out.values()).containsExactly("ann silent since 1000");
            assertThat(out.currentWatermark()).isEqualTo(70_000);

            driver.advanceProcessingTime(Duration.ofMinutes(5));
            clicks.end();
            assertThat(late.values()).isEmpty();
            assertThat(driver.isFinished()).isTrue();
        }
    }
}
