package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Counter;
import io.spate.api.connector.sink.ClientChannel;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.timers.ProcessingTimeService;

/** What the runtime tells an operator about where it runs. Used by the subtask's thread only. */
@Internal
public interface OperatorContext {

    JobId jobId();

    String operatorName();

    /**
     * The operator's name in counters: its name, made unique within the job when several operators
     * share it. Prefix the operator's own counters with it.
     */
    default String metricsName() {
        return operatorName();
    }

    int subtaskIndex();

    int parallelism();

    int maxParallelism();

    int attemptNumber();

    Clock clock();

    ClassLoader userClassLoader();

    /** A user counter; counters of the same name are summed over subtasks in the job result. */
    Counter counter(String name);

    /** The keyed state of this subtask, or {@code null} when the operator is not keyed. */
    <K> KeyedStateBackend<K> keyedStateBackend();

    /** The job's serializers, with the user's registrations. */
    SerializerFactory serializers();

    /** The job's configuration. */
    Configuration jobConfiguration();

    /** Processing time and callbacks on this subtask's thread. */
    ProcessingTimeService processingTimeService();

    /** The channel back to the job's client, for collect sinks. */
    ClientChannel clientChannel(String channelId);
}
