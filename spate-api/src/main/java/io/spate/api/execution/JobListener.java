package io.spate.api.execution;

import io.spate.annotations.Public;

/**
 * Told about the jobs an environment submits; used, for example, by the command line to show a
 * job's progress. Called on the thread that submits the job.
 */
@Public
public interface JobListener {
    void onJobSubmitted(JobClient jobClient);
}
