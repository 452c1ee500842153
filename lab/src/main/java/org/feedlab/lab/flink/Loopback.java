package org.feedlab.lab.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;

/**
 * The settings that keep every socket a Flink process of FeedLab opens on the loopback interface,
 * and job submission through the web front-end off. Flink binds its RPC, blob server and data
 * exchange to the JobManager's and TaskManagers' bind hosts, which default to every interface: a
 * MiniCluster configured with the REST options alone was seen listening on {@code *:<port>}.
 */
public final class Loopback {
    /** The address every FeedLab socket binds to. */
    public static final String HOST = "127.0.0.1";

    private Loopback() {}

    /** Sets the bind and advertised hosts of the JobManager, TaskManagers and REST endpoint. */
    public static Configuration apply(Configuration c) {
        c.set(JobManagerOptions.ADDRESS, HOST);
        c.set(JobManagerOptions.BIND_HOST, HOST);
        c.set(TaskManagerOptions.HOST, HOST);
        c.set(TaskManagerOptions.BIND_HOST, HOST);
        c.set(RestOptions.ADDRESS, HOST);
        c.set(RestOptions.BIND_ADDRESS, HOST);
        // No jar upload and no job submission through the web front-end: jobs come from the
        // launcher's client only.
        c.set(WebOptions.SUBMIT_ENABLE, false);
        return c;
    }
}
