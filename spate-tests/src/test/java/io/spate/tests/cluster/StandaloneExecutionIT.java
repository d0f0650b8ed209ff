package io.spate.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.api.common.functions.MapFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.FileSink;
import io.spate.api.connector.sink.SimpleStringEncoder;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SinkWriterContext;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.RestOptions;
import io.spate.api.execution.RestartStrategyOptions;
import io.spate.cluster.ClusterOptions;
import io.spate.cluster.standalone.JobManagerProcess;
import io.spate.cluster.standalone.StandaloneOptions;
import io.spate.cluster.standalone.TaskManagerProcess;
import io.spate.cluster.taskexecutor.TaskExecutor;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.runtime.task.FailureInjection;
import io.spate.tests.KeyedCountOutput;
import io.spate.tests.faulttolerance.ExactlyOnceFaultIT;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone cluster in this JVM — a JobManager process and two TaskManager processes, each with
 * its own sockets, exactly as {@code spate jobmanager} and {@code spate taskmanager} build them —
 * running jobs whose exchanges cross TaskManagers over loopback: exact output through failures and
 * checkpoints, backpressure from a slow sink on one TaskManager to the source on the other, and a
 * TaskManager cut off from the JobManager stopping its subtasks.
 */
class StandaloneExecutionIT {
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(2);

    @TempDir Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<String> announced = new CopyOnWriteArrayList<>();
    private JobManagerProcess jobManager;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void keyedCountsAcrossTwoTaskManagersAreExactThroughFailures() throws Exception {
        startJobManager();
        startTaskManager(jobManagerPort(), 1);
        startTaskManager(jobManagerPort(), 1);
        long records = 60_000;
        int keys = 97;
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = client(2);
        env.enableCheckpointing(Duration.ofMillis(100));
        env.getConfiguration()
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("chk").toString())
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(RestartStrategyOptions.DELAY, Duration.ofMillis(50))
                .set(FailureInjection.OPERATOR, "Count")
                .set(FailureInjection.AFTER_RECORDS, 6_000L)
                .set(FailureInjection.SEED, 7L)
                .set(FailureInjection.ATTEMPTS, 3);
        env.fromSource(new DataGeneratorSource<>(i -> i, records, 30_000, Types.LONG), "Numbers")
                .keyBy(i -> i % keys)
                .process(new ExactlyOnceFaultIT.Count())
                .name("Count")
                .uid("count")
                .sinkTo(FileSink.forRowFormat(out.toString(), new SimpleStringEncoder<String>()))
                .name("Files");

        JobClient job = env.executeAsync("counts across TaskManagers");
        job.getJobExecutionResult().get(3, TimeUnit.MINUTES);
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        List<JobFailure> failures = job.getFailureHistory().get();
        assertThat(failures).hasSize(3).allMatch(JobFailure::restarted);

        Map<String, Integer> expected = KeyedCountOutput.expected(records, keys);
        assertThat(KeyedCountOutput.committedLines(out)).isEqualTo(expected);
    }

    @Test
    void aJobStoppedWithASavepointResumesFromItOnTheCluster() throws Exception {
        startJobManager();
        startTaskManager(jobManagerPort(), 2);
        startTaskManager(jobManagerPort(), 2);
        long records = 60_000;
        int keys = 53;
        Path out = dir.resolve("out");
        JobClient first = countingJob(2, records, keys, out).executeAsync("before the savepoint");
        // Metrics come from the TaskManagers' processes through the control plane.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.getMetrics().get().getRecordsIn() > records / 3);
        String savepoint =
                first.stopWithSavepoint(dir.resolve("savepoints").toString())
                        .get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.getJobStatus().get() == JobStatus.CANCELED);
        assertThat(Path.of(savepoint).resolve("_metadata")).exists();

        StreamExecutionEnvironment second = countingJob(4, records, keys, out);
        second.getConfiguration().set(CheckpointingOptions.RESTORE_PATH, savepoint);
        second.execute("after the savepoint");

        Map<String, Integer> expected = KeyedCountOutput.expected(records, keys);
        assertThat(KeyedCountOutput.committedLines(out)).isEqualTo(expected);
    }

    private StreamExecutionEnvironment countingJob(
            int parallelism, long records, int keys, Path out) {
        StreamExecutionEnvironment env = client(parallelism);
        env.enableCheckpointing(Duration.ofMillis(200));
        env.getConfiguration()
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("chk").toString());
        env.fromSource(new DataGeneratorSource<>(i -> i, records, 20_000, Types.LONG), "Numbers")
                .uid("numbers")
                .keyBy(i -> i % keys)
                .process(new ExactlyOnceFaultIT.Count())
                .uid("count")
                .sinkTo(FileSink.forRowFormat(out.toString(), new SimpleStringEncoder<String>()))
                .uid("files");
        return env;
    }

    // ---- backpressure

    static final AtomicLong EMITTED = new AtomicLong();
    static final AtomicLong SLOW_RECEIVED = new AtomicLong();
    static final AtomicLong FAST_RECEIVED = new AtomicLong();

    @Test
    void aSlowSinkOnOneTaskManagerThrottlesTheSourceOnTheOther() throws Exception {
        EMITTED.set(0);
        SLOW_RECEIVED.set(0);
        FAST_RECEIVED.set(0);
        startJobManager();
        // Registered first, so that slot 0 (the source and sink subtask 0) is on this one.
        startTaskManager(jobManagerPort(), 1);
        startTaskManager(jobManagerPort(), 1);
        StreamExecutionEnvironment env = client(2);
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG), "Numbers")
                .setParallelism(1)
                .map(new CountEmitted())
                .setParallelism(1)
                .rebalance()
                .sinkTo(new SlowSink(10_000))
                .setParallelism(2)
                .name("Slow on subtask 2");
        JobClient job = env.executeAsync("backpressure across TaskManagers");
        await().atMost(Duration.ofSeconds(60)).until(() -> SLOW_RECEIVED.get() > 10_000);

        long maxInFlight = 0;
        for (int i = 0; i < 20; i++) {
            pause(Duration.ofMillis(200));
            long emitted = EMITTED.get();
            long received = SLOW_RECEIVED.get() + FAST_RECEIVED.get();
            maxInFlight = Math.max(maxInFlight, emitted - received);
        }
        long emitted = EMITTED.get();
        long slow = SLOW_RECEIVED.get();
        job.cancel().get(30, TimeUnit.SECONDS);
        // Round robin: the source can be at most what sits in the channels ahead of the slow
        // subtask. Per channel: network.channel-credit (32) frames of one batch (256 records) in
        // flight, plus a pending and a building batch at the writer; the local channel to the fast
        // subtask holds its queue. Without backpressure the source would emit millions a second.
        assertThat(emitted).as("emitted by the source").isLessThan(2 * slow + 60_000);
        assertThat(maxInFlight).as("records between source and sinks").isLessThan(60_000);
    }

    /** Counts what passes, into {@link #EMITTED}. */
    static final class CountEmitted implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            EMITTED.incrementAndGet();
            return value;
        }
    }

    /**
     * Subtask 2 (index 1) takes at most {@code perSecond} records a second and says it is
     * backpressured when ahead (it does not block its worker thread); subtask 1 takes everything.
     */
    static final class SlowSink implements Sink<Long> {
        private final long perSecond;

        SlowSink(long perSecond) {
            this.perSecond = perSecond;
        }

        @Override
        public SinkWriter<Long> createWriter(SinkWriterContext context) {
            boolean slow = context.getIndexOfSubtask() == 1;
            Clock clock = context.getClock();
            long start = clock.nanoTime();
            return new SinkWriter<>() {
                @Override
                public void write(Long element, Context ctx) {
                    (slow ? SLOW_RECEIVED : FAST_RECEIVED).incrementAndGet();
                }

                @Override
                public boolean isBackpressured() {
                    if (!slow) {
                        return false;
                    }
                    long allowed = (clock.nanoTime() - start) / 1_000_000L * perSecond / 1000;
                    return SLOW_RECEIVED.get() >= allowed;
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    // ---- cut off

    @Test
    void aTaskManagerCutOffFromTheJobManagerStopsItsSubtasksWithinTheTimeout() throws Exception {
        EMITTED.set(0);
        startJobManager();
        FreezableProxy proxy =
                new FreezableProxy(new InetSocketAddress("127.0.0.1", jobManagerPort()));
        started.add(proxy);
        TaskManagerProcess cutOff = startTaskManager(proxy.port(), 1);
        startTaskManager(jobManagerPort(), 1);
        StreamExecutionEnvironment env = client(2);
        env.getConfiguration().set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.NONE);
        env.fromSource(
                        new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, 20_000, Types.LONG),
                        "Numbers")
                .setParallelism(1)
                .map(new CountEmitted())
                .setParallelism(1)
                .rebalance()
                .sinkTo(new SlowSink(1_000_000))
                .setParallelism(2);
        env.executeAsync("cut off");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runningTasks(cutOff.taskExecutor()) == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> EMITTED.get() > 1_000);

        proxy.freeze();
        Clock clock = Clock.system();
        long frozenAt = clock.nanoTime();
        await().atMost(HEARTBEAT_TIMEOUT.plusSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> runningTasks(cutOff.taskExecutor()) == 0);
        long stoppedAfterMillis = (clock.nanoTime() - frozenAt) / 1_000_000;
        assertThat(stoppedAfterMillis)
                .as("ms from the cut to no subtask running on the cut-off TaskManager")
                .isLessThan(HEARTBEAT_TIMEOUT.toMillis() + 5_000);
        // The source ran there: it emits nothing any more.
        long after = EMITTED.get();
        pause(Duration.ofMillis(500));
        assertThat(EMITTED.get()).isEqualTo(after);
        assertThat(announced).anyMatch(l -> l.contains("lost the JobManager"));
    }

    private static void pause(Duration d) {
        await().pollDelay(d).atMost(d.plusSeconds(5)).until(() -> true);
    }

    private static int runningTasks(TaskExecutor te) throws Exception {
        return CompletableFuture.supplyAsync(te::runningTasks, te.mainThread())
                .get(10, TimeUnit.SECONDS);
    }

    // ---- the cluster

    private Configuration base() {
        Configuration conf = new Configuration();
        conf.set(StandaloneOptions.RPC_PORT, 0);
        conf.set(RestOptions.PORT, "0");
        conf.set(StandaloneOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
        conf.set(StandaloneOptions.HEARTBEAT_TIMEOUT, HEARTBEAT_TIMEOUT);
        conf.set(ClusterOptions.WORKER_THREADS, 1);
        return conf;
    }

    private void startJobManager() {
        jobManager = JobManagerProcess.start(base(), Clock.system(), announced::add);
        started.add(jobManager);
    }

    private int jobManagerPort() {
        return jobManager.resources().address().getPort();
    }

    private TaskManagerProcess startTaskManager(int port, int slots) {
        int before = jobManager.resources().taskManagers().size();
        Configuration conf = base();
        conf.set(StandaloneOptions.RPC_PORT, port);
        conf.set(ClusterOptions.TASK_SLOTS, slots);
        TaskManagerProcess tm = TaskManagerProcess.start(conf, Clock.system(), announced::add);
        started.add(tm);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jobManager.resources().taskManagers().size() == before + 1);
        return tm;
    }

    /** An environment that submits to the cluster's REST API. */
    private StreamExecutionEnvironment client(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.TARGET, "remote");
        conf.setRaw(
                "execution.remote.address",
                jobManager.restAddress().getHost() + ":" + jobManager.restAddress().getPort());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }
}
