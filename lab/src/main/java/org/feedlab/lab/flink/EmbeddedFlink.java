package org.feedlab.lab.flink;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.MiniClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink MiniCluster in this JVM, every socket on loopback ({@link Loopback}). Jobs are submitted
 * through {@link #client()}, the same client interface a remote cluster is reached through.
 */
public final class EmbeddedFlink implements AutoCloseable {
    private final MiniCluster cluster;
    private final Configuration configuration;
    private final ClusterClient<?> client;

    private EmbeddedFlink(MiniCluster cluster, Configuration configuration) {
        this.cluster = cluster;
        this.configuration = configuration;
        this.client = new MiniClusterClient(configuration, cluster);
    }

    /**
     * Starts a cluster of {@code taskManagers} TaskManagers with {@code slots} slots each; its
     * temporary files go under {@code workDir}, which the caller deletes.
     */
    public static EmbeddedFlink start(int taskManagers, int slots, Path workDir) throws Exception {
        Configuration conf = Loopback.apply(new Configuration());
        Files.createDirectories(workDir);
        conf.set(CoreOptions.TMP_DIRS, workDir.toAbsolutePath().toString());
        conf.set(WebOptions.UPLOAD_DIR, workDir.toAbsolutePath().toString());
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        conf.set(RestOptions.BIND_PORT, "0");
        FlinkMetrics.configure(conf);
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(taskManagers)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        cluster.start();
        return new EmbeddedFlink(cluster, conf);
    }

    /** The client jobs are submitted, watched and stopped through. */
    public ClusterClient<?> client() {
        return client;
    }

    /** The REST endpoint (checkpoint statistics, metrics). */
    public URI restAddress() throws Exception {
        return cluster.getRestAddress().get(30, TimeUnit.SECONDS);
    }

    /**
     * The cluster itself, for what only an embedded cluster allows: stopping one of its
     * TaskManagers and starting another (a failed worker, as a fault test makes one).
     */
    public MiniCluster miniCluster() {
        return cluster;
    }

    /** The configuration the cluster was started with. */
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public void close() throws Exception {
        try {
            client.close();
        } finally {
            cluster.close();
        }
    }
}
