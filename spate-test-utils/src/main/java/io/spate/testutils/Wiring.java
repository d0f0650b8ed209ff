package io.spate.testutils;

import io.spate.common.JobId;
import io.spate.common.concurrent.SpscArrayQueue;
import io.spate.core.partition.ExchangePattern;
import io.spate.core.partition.Partitioners;
import io.spate.core.plan.JobEdge;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.runtime.exchange.RecordWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange channels at the driver's ends of a pipeline, named exactly as the tasklets name
 * theirs: the writers a test input's splits write into, and the channels a capture reads.
 */
final class Wiring {
    private final JobGraph graph;
    private final LocalExchange exchange;
    private final JobId jobId;
    private final int batchSize;

    Wiring(JobGraph graph, LocalExchange exchange, JobId jobId, int batchSize) {
        this.graph = graph;
        this.exchange = exchange;
        this.jobId = jobId;
        this.batchSize = batchSize;
    }

    /** One writer per exchange leaving {@code vertex}, for its subtask {@code producer}. */
    @SuppressWarnings("unchecked")
    List<RecordWriter> writersOf(JobVertex vertex, int producer) {
        List<RecordWriter> writers = new ArrayList<>();
        for (JobEdge edge : graph.edges()) {
            if (edge.sourceVertex() != vertex.id()) {
                continue;
            }
            JobVertex target = graph.vertex(edge.targetVertex());
            int[] targets =
                    ExchangePattern.targets(
                            edge.partitioning().kind(),
                            producer,
                            vertex.parallelism(),
                            target.parallelism());
            SpscArrayQueue<Object>[] queues = new SpscArrayQueue[targets.length];
            for (int c = 0; c < targets.length; c++) {
                queues[c] =
                        exchange.channel(new ChannelId(jobId, 0, edge.id(), producer, targets[c]));
            }
            writers.add(
                    new RecordWriter(
                            Partitioners.create(
                                    edge.partitioning(),
                                    producer,
                                    targets.length,
                                    target.maxParallelism()),
                            queues,
                            batchSize));
        }
        return writers;
    }

    /** The channels subtask {@code consumer} of {@code vertex} reads, in the tasklets' order. */
    List<SpscArrayQueue<Object>> channelsInto(JobVertex vertex, int consumer) {
        List<SpscArrayQueue<Object>> channels = new ArrayList<>();
        for (int edgeId : vertex.inputEdges()) {
            JobEdge edge = graph.edge(edgeId);
            JobVertex upstream = graph.vertex(edge.sourceVertex());
            for (int producer :
                    ExchangePattern.sources(
                            edge.partitioning().kind(),
                            consumer,
                            upstream.parallelism(),
                            vertex.parallelism())) {
                channels.add(exchange.channel(new ChannelId(jobId, 0, edgeId, producer, consumer)));
            }
        }
        return channels;
    }
}
