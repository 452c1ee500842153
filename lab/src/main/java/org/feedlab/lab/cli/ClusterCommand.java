package org.feedlab.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.feedlab.lab.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code feedlab cluster start|stop|status}: a local multi-process Kafka broker, Flink JobManager
 * and TaskManagers from the project's own jars, for {@code feedlab run --cluster}.
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description =
                "A local multi-process cluster (Kafka broker, Flink JobManager, TaskManagers), every"
                        + " process on 127.0.0.1.",
        subcommands = {
            ClusterCommand.Start.class,
            ClusterCommand.Stop.class,
            ClusterCommand.Status.class
        })
public final class ClusterCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description =
                    "Where the cluster keeps its config, logs, data and pids (default:"
                            + " .feedlab/cluster in the repository).")
    private Path stateDir;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FeedLabCommand.EXIT_USAGE;
    }

    LocalCluster cluster() {
        return new LocalCluster(stateDir == null ? LocalCluster.defaultDirectory() : stateDir);
    }

    /** Starts the cluster and prints its processes. */
    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the cluster.")
    static final class Start implements Callable<Integer> {
        @ParentCommand private ClusterCommand parent;
        @Spec private CommandSpec spec;

        @Option(
                names = "--taskmanagers",
                defaultValue = "2",
                paramLabel = "N",
                description = "TaskManager processes (default: ${DEFAULT-VALUE}).")
        private int taskManagers;

        @Option(
                names = "--slots",
                defaultValue = "2",
                paramLabel = "N",
                description = "Task slots per TaskManager (default: ${DEFAULT-VALUE}).")
        private int slots;

        @Option(
                names = "--task-heap",
                defaultValue = LocalCluster.Options.DEFAULT_TASK_HEAP,
                paramLabel = "SIZE",
                description = "Heap for the job per TaskManager (default: ${DEFAULT-VALUE}).")
        private String taskHeap;

        @Option(
                names = "--without-job-classes",
                description =
                        "Run the Flink processes with Flink's runtime only, like a plain Flink"
                                + " distribution: runs ship the job's classes as jars.")
        private boolean withoutJobClasses;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (taskManagers < 1 || slots < 1) {
                err.println("feedlab cluster start: --taskmanagers and --slots must be at least 1");
                return FeedLabCommand.EXIT_USAGE;
            }
            LocalCluster cluster = parent.cluster();
            try {
                cluster.start(
                        new LocalCluster.Options(
                                taskManagers,
                                slots,
                                taskHeap,
                                LocalCluster.Options.DEFAULTS.partitions(),
                                !withoutJobClasses),
                        out);
            } catch (IllegalStateException e) {
                err.println("feedlab cluster start: " + e.getMessage());
                return 1;
            }
            cluster.status(out);
            return 0;
        }
    }

    /** Stops every process of the cluster. */
    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the cluster.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand private ClusterCommand parent;
        @Spec private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            parent.cluster().stop(spec.commandLine().getOut());
            return 0;
        }
    }

    /** Prints each process, its pid and its listening sockets; exit 1 unless all run. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Show each process, its pid, state, ports and log.")
    static final class Status implements Callable<Integer> {
        @ParentCommand private ClusterCommand parent;
        @Spec private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return parent.cluster().status(spec.commandLine().getOut()) ? 0 : 1;
        }
    }
}
