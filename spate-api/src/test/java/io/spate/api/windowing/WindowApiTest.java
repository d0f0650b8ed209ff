package io.spate.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.RichReduceFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.graph.OneInputTransformation;
import io.spate.api.graph.WindowOperatorSpec;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.evictors.CountEvictor;
import io.spate.api.windowing.internal.ReduceApplyWindowFunction;
import io.spate.api.windowing.triggers.PurgingTrigger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the window API builds, and what it refuses when the job is built. */
class WindowApiTest {
    private final StreamExecutionEnvironment env =
            StreamExecutionEnvironment.createLocalEnvironment(4);
    private final DataStream<Long> numbers = env.fromSequence(1, 10);

    @Test
    void aWindowIsOneOperatorDescribedByItsSpec() {
        var result =
                numbers.keyBy(v -> v % 2)
                        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                        .allowedLateness(Duration.ofMillis(5))
                        .reduce(Long::sum);
        var t = (OneInputTransformation<?, ?>) result.getTransformation();
        var spec = (WindowOperatorSpec) t.getSpec();
        assertThat(t.getName())
                .isEqualTo("Window(TumblingEventTimeWindows(1000), EventTimeTrigger(), Reduce)");
        assertThat(t.getKeySelector()).isNotNull();
        assertThat(spec.contents()).isInstanceOf(WindowOperatorSpec.Reduce.class);
        assertThat(spec.allowedLateness()).isEqualTo(5);
        assertThat(result.getType()).isEqualTo(Types.LONG);
    }

    @Test
    void anEvictorKeepsElementsAndFoldsThemAtEachFiring() {
        var result =
                numbers.keyBy(v -> v % 2)
                        .window(GlobalWindows.create())
                        .evictor(CountEvictor.of(3))
                        .reduce(Long::sum);
        var spec =
                (WindowOperatorSpec)
                        ((OneInputTransformation<?, ?>) result.getTransformation()).getSpec();
        assertThat(spec.contents()).isInstanceOf(WindowOperatorSpec.Elements.class);
        assertThat(spec.windowFunction()).isInstanceOf(ReduceApplyWindowFunction.class);
    }

    @Test
    void countWindowsAreGlobalWindowsWithAPurgingCountTrigger() {
        var spec =
                (WindowOperatorSpec)
                        ((OneInputTransformation<?, ?>)
                                        numbers.keyBy(v -> v % 2)
                                                .countWindow(5)
                                                .sum(0)
                                                .getTransformation())
                                .getSpec();
        assertThat(spec.assigner()).isInstanceOf(GlobalWindows.class);
        assertThat(spec.trigger()).isInstanceOf(PurgingTrigger.class);
    }

    @Test
    void windowAllRunsInOneSubtask() {
        var result = numbers.windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).sum(0);
        assertThat(result.getParallelism()).isEqualTo(1);
        assertThat(result.getTransformation().getName()).startsWith("WindowAll(");
    }

    @Test
    void badSizesOffsetsAndLatenessAreRefused() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window size must be positive");
        assertThatThrownBy(
                        () ->
                                TumblingEventTimeWindows.of(
                                        Duration.ofMillis(10), Duration.ofMillis(-10)))
                .hasMessageContaining("|offset| < size");
        assertThatThrownBy(
                        () ->
                                SlidingEventTimeWindows.of(
                                        Duration.ofMillis(10),
                                        Duration.ofMillis(5),
                                        Duration.ofMillis(5)))
                .hasMessageContaining("|offset| < slide");
        assertThatThrownBy(
                        () ->
                                numbers.keyBy(v -> v)
                                        .window(GlobalWindows.create())
                                        .allowedLateness(Duration.ofMillis(-1)))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void aRichReduceFunctionIsRefused() {
        var windowed =
                numbers.keyBy(v -> v).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> windowed.reduce(new RichSum()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("cannot be a rich function");
    }

    static final class RichSum extends RichReduceFunction<Long> {
        @Override
        public Long reduce(Long a, Long b) {
            return a + b;
        }
    }
}
