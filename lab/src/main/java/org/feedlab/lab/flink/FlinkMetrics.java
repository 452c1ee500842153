package org.feedlab.lab.flink;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.configuration.Configuration;
import org.feedlab.lab.metrics.PrometheusEndpoint;

/**
 * Flink's own metrics (records in and out, back pressure, checkpoints, the Kafka source's lag, the
 * scorers' latency) for Prometheus, through {@link MicrometerReporter}. One configuration serves
 * every way Flink runs: {@link #configure} adds the reporter to a cluster's configuration. In the
 * lab's own JVM (the embedded MiniCluster) the reporter writes into the run's endpoint, which the
 * launcher {@linkplain #attach attaches} for the run; in a JobManager or TaskManager process of its
 * own it serves a loopback endpoint of its own ({@link #standalone}).
 */
public final class FlinkMetrics {
    /** The reporter's name in Flink's configuration ({@code metrics.reporter.<name>.*}). */
    public static final String REPORTER = "feedlab";

    /** Reporter option: the address a process's own endpoint binds (default 127.0.0.1). */
    public static final String BIND_HOST = "bind-host";

    /** Reporter option: the port, or a range such as 9250-9259, of a process's own endpoint. */
    public static final String PORT = "port";

    /** The ports a process's own endpoint tries when none is configured. */
    public static final String DEFAULT_PORTS = "9250-9259";

    private static final String PREFIX = "metrics.reporter." + REPORTER + ".";

    // The run's endpoint while a run attaches it: Flink builds reporters from configuration
    // strings, so an instance can only be handed over within the JVM (as Flink's own
    // InMemoryReporter does). One stream run at a time per JVM.
    private static final AtomicReference<PrometheusEndpoint> ATTACHED = new AtomicReference<>();

    private FlinkMetrics() {}

    /** Adds the FeedLab reporter to a Flink configuration; returns the configuration. */
    public static Configuration configure(Configuration conf) {
        conf.setString(PREFIX + "factory.class", MicrometerReporterFactory.class.getName());
        return conf;
    }

    /**
     * Adds the reporter for a JobManager or TaskManager process that serves its own endpoint: on
     * {@code bindHost} (127.0.0.1 unless a container network needs more) at the first free port of
     * {@code ports}.
     */
    public static Configuration standalone(Configuration conf, String bindHost, String ports) {
        configure(conf);
        conf.setString(PREFIX + BIND_HOST, bindHost);
        conf.setString(PREFIX + PORT, ports);
        return conf;
    }

    /**
     * Makes the run's endpoint the home of the Flink metrics of this JVM until the returned handle
     * is closed.
     *
     * @throws IllegalStateException if another run has attached its endpoint
     */
    public static Attachment attach(PrometheusEndpoint endpoint) {
        if (!ATTACHED.compareAndSet(null, endpoint)) {
            throw new IllegalStateException("another stream run reports Flink metrics in this JVM");
        }
        return () -> ATTACHED.compareAndSet(endpoint, null);
    }

    /** The attached run endpoint, or null. */
    static PrometheusEndpoint attached() {
        return ATTACHED.get();
    }

    /** An attached endpoint; closing detaches it. */
    @FunctionalInterface
    public interface Attachment extends AutoCloseable {
        @Override
        void close();
    }
}
