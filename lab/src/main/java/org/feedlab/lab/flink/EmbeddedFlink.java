package org.feedlab.lab.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink MiniCluster in this JVM with one job on it. The caller builds the job on {@link #env()}
 * and calls {@link #submit()}; {@link #close()} cancels the job and stops the cluster.
 */
public final class EmbeddedFlink implements AutoCloseable {
    private final MiniCluster cluster;
    private final StreamExecutionEnvironment env;
    private JobID job;

    private EmbeddedFlink(MiniCluster cluster, StreamExecutionEnvironment env) {
        this.cluster = cluster;
        this.env = env;
    }

    /**
     * Starts a cluster with enough slots for the given parallelism; its temporary files go under
     * {@code workDir}, which the caller deletes.
     */
    public static EmbeddedFlink start(int parallelism, Path workDir) throws Exception {
        Configuration conf = new Configuration();
        Files.createDirectories(workDir);
        conf.set(CoreOptions.TMP_DIRS, workDir.toAbsolutePath().toString());
        conf.set(WebOptions.UPLOAD_DIR, workDir.toAbsolutePath().toString());
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        FlinkMetrics.configure(conf);
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(parallelism)
                                .build());
        cluster.start();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return new EmbeddedFlink(cluster, env);
    }

    /** The environment to build the job on. */
    public StreamExecutionEnvironment env() {
        return env;
    }

    /** Submits the job built on {@link #env()}. */
    public JobID submit(String name) throws Exception {
        env.getConfig();
        var graph = env.getStreamGraph();
        graph.setJobName(name);
        job = cluster.submitJob(graph.getJobGraph()).get(60, TimeUnit.SECONDS).getJobID();
        return job;
    }

    /** The job's status now. */
    public JobStatus status() throws Exception {
        return cluster.getJobStatus(job).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            if (job != null && !status().isGloballyTerminalState()) {
                cluster.cancelJob(job).get(30, TimeUnit.SECONDS);
                cluster.requestJobResult(job).get(60, TimeUnit.SECONDS);
            }
        } finally {
            cluster.close();
        }
    }
}
