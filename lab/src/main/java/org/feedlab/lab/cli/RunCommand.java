package org.feedlab.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.feedlab.lab.cluster.LocalCluster;
import org.feedlab.lab.run.ClusterAddress;
import org.feedlab.lab.run.RunDirectory;
import org.feedlab.lab.run.RunLauncher;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.Problem;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.lab.scenario.ScenarioLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code feedlab run}: validates the scenario and every option before anything is created, so a
 * mistake exits with status 2 and leaves no directory behind; then hands the run to the launcher.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a scenario and write its run directory (manifest.json, metrics.csv).")
public final class RunCommand implements Callable<Integer> {

    /** Source name used for problems caused by options rather than by the file. */
    static final String COMMAND_LINE = "command line";

    private static final int MAX_PORT = 65_535;

    private final RunLauncher launcher;

    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    private Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Run seed (overrides the file's).")
    private Long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Run directory; must be new or empty (default: runs/<scenario>-s<seed>-<n>).")
    private Path out;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Mode mode;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Flink parallelism (overrides stream.parallelism).")
    private Integer parallelism;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "Threads for the society's per-user work and, with --direct, for serving the"
                            + " users' feeds (default: the machine's processors). Results do not"
                            + " change with it, and no output file records it.")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--snapshot-ticks",
            split = ",",
            paramLabel = "T",
            description = "Ticks after which user snapshots are written, e.g. 0,10,30.")
    private List<Long> snapshotTicks;

    @Option(
            names = "--metrics-port",
            defaultValue = "9464",
            paramLabel = "PORT",
            description = "Port of the Prometheus /metrics endpoint (default: ${DEFAULT-VALUE}).")
    private int metricsPort;

    @Option(
            names = "--metrics-bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description =
                    "Address of the Prometheus endpoint (default: ${DEFAULT-VALUE}); another"
                            + " address is an opt-in, e.g. for a Prometheus in a container.")
    private String metricsBind;

    @Option(
            names = "--live",
            description =
                    "Serve a live classroom page on 127.0.0.1 (charts updated every tick); it"
                            + " stays up after the run until Ctrl-C.")
    private boolean live;

    @Option(
            names = "--live-port",
            defaultValue = "8464",
            paramLabel = "PORT",
            description = "Port of the live page (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int livePort;

    @Option(names = "--quiet", description = "No progress output.")
    private boolean quiet;

    /** The engine choice; embedded Kafka and Flink when neither flag is given. */
    static final class Mode {
        @Option(names = "--direct", description = "Run in-process without Kafka or Flink.")
        boolean direct;

        @Option(
                names = "--cluster",
                description =
                        "Submit the ranking job to a cluster: the local one (feedlab cluster"
                                + " start), or the one --kafka and --flink name.")
        boolean cluster;
    }

    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT",
            description = "With --cluster: the Kafka broker's bootstrap address.")
    private String kafka;

    @Option(
            names = "--flink",
            paramLabel = "HOST:PORT",
            description = "With --cluster: the Flink JobManager's REST address.")
    private String flink;

    @Option(
            names = "--cluster-dir",
            paramLabel = "DIR",
            description =
                    "With --cluster and no --kafka/--flink: the local cluster's state directory"
                            + " (default: .feedlab/cluster in the repository).")
    private Path clusterDir;

    /**
     * @param launcher carries out the run once everything is validated
     */
    public RunCommand(RunLauncher launcher) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = applyOverrides(ScenarioLoader.load(scenarioFile));
            checkOptions(scenario);
            checkEngine(scenario, scenarioFile.toString(), mode != null && mode.direct);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return FeedLabCommand.EXIT_USAGE;
        }
        if (out != null) {
            try {
                RunDirectory.checkOutAvailable(out);
            } catch (IOException e) {
                err.println("feedlab run: " + e.getMessage());
                return FeedLabCommand.EXIT_USAGE;
            }
        }
        boolean direct = mode != null && mode.direct;
        ClusterAddress cluster;
        try {
            cluster = mode != null && mode.cluster ? clusterAddress() : null;
            if (cluster == null && (kafka != null || flink != null || clusterDir != null)) {
                throw new ScenarioException(
                        COMMAND_LINE,
                        List.of(
                                new Problem(
                                        kafka != null
                                                ? "--kafka"
                                                : flink != null ? "--flink" : "--cluster-dir",
                                        "only with --cluster",
                                        "no --cluster")));
            }
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return FeedLabCommand.EXIT_USAGE;
        }
        RunRequest request =
                new RunRequest(
                        scenario,
                        out,
                        direct,
                        snapshotTicks,
                        new Watching(
                                InetAddress.getByName(metricsBind), metricsPort, live, livePort),
                        quiet,
                        scenarioFile.toString(),
                        cluster,
                        threads);
        return launcher.launch(request);
    }

    /**
     * Applies {@code --seed} and {@code --parallelism}, then re-checks the scenario with the file's
     * rules; a problem is reported under the option's name, since the file itself was valid.
     */
    private Scenario applyOverrides(Scenario scenario) throws ScenarioException {
        Scenario overridden = scenario;
        if (seed != null) {
            overridden = overridden.withSeed(seed);
        }
        if (parallelism != null) {
            overridden = overridden.withParallelism(parallelism);
        }
        if (overridden == scenario) {
            return scenario;
        }
        try {
            ScenarioLoader.check(overridden, COMMAND_LINE);
        } catch (ScenarioException e) {
            List<Problem> renamed = new ArrayList<>();
            for (Problem problem : e.problems()) {
                renamed.add(
                        new Problem(optionFor(problem.path()), problem.expected(), problem.got()));
            }
            throw new ScenarioException(COMMAND_LINE, renamed);
        }
        return overridden;
    }

    private static String optionFor(String path) {
        switch (path) {
            case "$.seed":
                return "--seed";
            case "$.stream.parallelism":
                return "--parallelism";
            default:
                return path;
        }
    }

    /** A literal IPv4 or IPv6 address (no name lookups: a typo must not reach a DNS server). */
    private static boolean isAddress(String s) {
        return s.matches("[0-9.]+|[0-9a-fA-F:]+") && resolves(s);
    }

    private static boolean resolves(String s) {
        try {
            InetAddress.getByName(s);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The cluster to submit to: the one {@code --kafka} and {@code --flink} name (both or neither),
     * or the running local cluster.
     */
    private ClusterAddress clusterAddress() throws ScenarioException {
        if ((kafka == null) != (flink == null)) {
            throw new ScenarioException(
                    COMMAND_LINE,
                    List.of(
                            new Problem(
                                    kafka == null ? "--kafka" : "--flink",
                                    "both --kafka and --flink, or neither (the local cluster)",
                                    "only " + (kafka == null ? "--flink" : "--kafka"))));
        }
        if (kafka != null) {
            List<Problem> problems = new ArrayList<>();
            for (String[] option : new String[][] {{"--kafka", kafka}, {"--flink", flink}}) {
                if (!option[1].matches("[^:\\s]+:\\d{1,5}")) {
                    problems.add(new Problem(option[0], "HOST:PORT", option[1]));
                }
            }
            if (!problems.isEmpty()) {
                throw new ScenarioException(COMMAND_LINE, problems);
            }
            // A cluster of someone else's: its TaskManagers get the job's classes as user jars,
            // unless it is the local cluster started with them.
            Optional<LocalCluster.State> local = localState();
            boolean hasClasses =
                    local.isPresent()
                            && local.get().jobClasses()
                            && local.get().flink().equals(flink);
            return new ClusterAddress(kafka, flink, null, !hasClasses);
        }
        Optional<LocalCluster.State> state = localState();
        if (state.isEmpty()) {
            throw new ScenarioException(
                    COMMAND_LINE,
                    List.of(
                            new Problem(
                                    "--cluster",
                                    "a running local cluster in "
                                            + localCluster().directory()
                                            + " (feedlab cluster start), or --kafka and --flink",
                                    "none")));
        }
        LocalCluster.State s = state.get();
        return new ClusterAddress(s.kafka(), s.flink(), s.savepoints(), !s.jobClasses());
    }

    private LocalCluster localCluster() {
        return new LocalCluster(clusterDir == null ? LocalCluster.defaultDirectory() : clusterDir);
    }

    /** The local cluster's record, if one is running (or was, and left its record). */
    private Optional<LocalCluster.State> localState() {
        try {
            return localCluster().state();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The oracle ({@code ranker.oracle}) reads the society's hidden state, which exists in-process
     * only: a stream or cluster run of it is refused with the field's path.
     *
     * @param source the scenario's source name, which prefixes the problem
     * @param direct whether the run is on the direct engine
     */
    public static void checkEngine(Scenario scenario, String source, boolean direct)
            throws ScenarioException {
        if (scenario.ranker().oracle() && !direct) {
            throw new ScenarioException(source, List.of(oracleOnStream("$.ranker.oracle")));
        }
    }

    /** The problem of an oracle asked for on the stream engine, at this path. */
    static Problem oracleOnStream(String path) {
        return new Problem(
                path,
                "false on the stream engine (the oracle reads the society's hidden state, which"
                        + " only the direct engine holds: run with --direct)",
                "true");
    }

    /** Checks the options whose valid range depends on the scenario or on the platform. */
    private void checkOptions(Scenario scenario) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        if (snapshotTicks != null) {
            for (Long tick : snapshotTicks) {
                if (tick == null || tick < 0 || tick > scenario.ticks()) {
                    problems.add(
                            new Problem(
                                    "--snapshot-ticks",
                                    "ticks between 0 and " + scenario.ticks(),
                                    String.valueOf(tick)));
                }
            }
        }
        if (threads < 1) {
            problems.add(new Problem("--threads", "integer ≥ 1", Integer.toString(threads)));
        }
        if (livePort < 0 || livePort > MAX_PORT) {
            problems.add(
                    new Problem(
                            "--live-port",
                            "port between 0 and " + MAX_PORT,
                            Integer.toString(livePort)));
        }
        if (!isAddress(metricsBind)) {
            problems.add(
                    new Problem(
                            "--metrics-bind",
                            "an IP address of this machine (such as 127.0.0.1 or 0.0.0.0)",
                            metricsBind));
        }
        if (metricsPort < 0 || metricsPort > MAX_PORT) {
            problems.add(
                    new Problem(
                            "--metrics-port",
                            "port between 0 and " + MAX_PORT,
                            Integer.toString(metricsPort)));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(COMMAND_LINE, problems);
        }
    }
}
