package org.feedlab.lab.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.feedlab.lab.flink.JobJars;
import org.feedlab.lab.flink.Loopback;
import org.feedlab.lab.jvm.JavaCommand;
import org.feedlab.lab.kafka.BrokerProcess;

/**
 * A local multi-process cluster started from the project's own jars, without Docker: a Kafka broker
 * (KRaft, {@code kafka.Kafka}), a Flink JobManager ({@code StandaloneSessionClusterEntrypoint}) and
 * TaskManagers ({@code TaskManagerRunner}), each in its own JVM, every socket on 127.0.0.1.
 *
 * <p>Everything lives in one state directory (by default {@code .feedlab/cluster/} in the
 * repository): {@code cluster.json} (addresses and process ids), {@code kafka/} (the broker's data,
 * config and {@code broker.log}), {@code flink/conf/config.yaml}, one {@code <name>.log} per Flink
 * process, and the checkpoint and savepoint directories. The processes outlive the command that
 * started them; {@code stop} ends them.
 */
public final class LocalCluster {
    /** Name of the file that records the running cluster. */
    public static final String STATE_FILE = "cluster.json";

    private static final String JOBMANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASKMANAGER_MAIN =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public LocalCluster(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * The default state directory: {@code .feedlab/cluster} under {@code FEEDLAB_HOME} (the
     * repository, as {@code ./feedlab} sets it), or under the working directory.
     */
    public static Path defaultDirectory() {
        String home = System.getenv("FEEDLAB_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home, ".feedlab", "cluster");
    }

    /**
     * The sizes of the cluster.
     *
     * @param taskManagers how many TaskManager processes
     * @param slots task slots per TaskManager
     * @param taskHeap heap for the job's operators per TaskManager (Flink's task heap)
     * @param partitions partitions of topics created without a count
     * @param jobClasses whether the Flink processes run with FeedLab's classpath (the job's classes
     *     are there); without, they have only Flink's runtime, as a plain Flink distribution does,
     *     and jobs ship their classes as jars
     */
    public record Options(
            int taskManagers, int slots, String taskHeap, int partitions, boolean jobClasses) {
        /**
         * Task heap per TaskManager: training with the id tables inside the job needs about 2 GB
         * (with 1 GB the TaskManagers were lost and the job found no slots).
         */
        public static final String DEFAULT_TASK_HEAP = "2g";

        public static final Options DEFAULTS = new Options(2, 2, DEFAULT_TASK_HEAP, 2, true);
    }

    /** One process of the cluster. */
    public record Member(String name, long pid, String mainClass, String log) {}

    /**
     * What {@code cluster.json} records.
     *
     * @param kafka the broker's bootstrap address
     * @param flink the JobManager's REST address (host:port)
     * @param checkpoints URI of the checkpoint directory jobs on this cluster use
     * @param savepoints URI of the savepoint directory
     * @param jobClasses whether the Flink processes have the job's classes ({@link
     *     Options#jobClasses})
     * @param members the processes
     */
    public record State(
            String kafka,
            String flink,
            String checkpoints,
            String savepoints,
            boolean jobClasses,
            List<Member> members) {}

    /** The state directory. */
    public Path directory() {
        return dir;
    }

    /** The running cluster's record, if there is one. */
    public Optional<State> state() throws IOException {
        Path file = dir.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), State.class));
    }

    /**
     * Starts the broker, the JobManager and the TaskManagers and returns once the broker answers
     * and every TaskManager has registered its slots. A previous, stopped cluster's files are
     * cleared first. On failure everything started is stopped again.
     *
     * @throws IllegalStateException when a cluster is already running in this directory
     */
    public State start(Options options, PrintWriter out) throws Exception {
        Optional<State> running = state();
        if (running.isPresent() && running.get().members().stream().anyMatch(this::alive)) {
            throw new IllegalStateException(
                    "a cluster is already running in "
                            + dir
                            + " (feedlab cluster status; feedlab cluster stop)");
        }
        clear();
        Files.createDirectories(dir);
        int[] ports = ports(4);
        String kafka = Loopback.HOST + ":" + ports[0];
        String flink = Loopback.HOST + ":" + ports[3];
        List<Member> members = new ArrayList<>();
        State state =
                new State(
                        kafka,
                        flink,
                        dir.resolve("flink/checkpoints").toUri().toString(),
                        dir.resolve("flink/savepoints").toUri().toString(),
                        options.jobClasses(),
                        members);
        try {
            Path kafkaDir = dir.resolve("kafka");
            Files.createDirectories(kafkaDir);
            Process broker =
                    BrokerProcess.start(kafkaDir, ports[0], ports[1], options.partitions(), "512m");
            members.add(
                    new Member(
                            "kafka-broker",
                            broker.pid(),
                            BrokerProcess.MAIN,
                            dir.relativize(BrokerProcess.log(kafkaDir)).toString()));
            write(state);
            Configuration conf = flinkConfiguration(options, ports[2], ports[3]);
            Path confDir = dir.resolve("flink/conf");
            writeConfig(conf, confDir);
            String classPath =
                    options.jobClasses()
                            ? JavaCommand.absoluteClassPath()
                            : JobJars.flinkOnlyClassPath();
            members.add(
                    startFlink(
                            "jobmanager",
                            JOBMANAGER_MAIN,
                            classPath,
                            jobManagerOptions(conf),
                            List.of(),
                            confDir));
            write(state);
            TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(conf);
            List<String> jvm =
                    new ArrayList<>(
                            Arrays.asList(
                                    ProcessMemoryUtils.generateJvmParametersStr(spec).split(" ")));
            // The compiled scorer's forward pass uses the Vector API (incubating in Java 17).
            jvm.add("--add-modules");
            jvm.add("jdk.incubator.vector");
            List<String> dynamic =
                    Arrays.asList(
                            TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)
                                    .trim()
                                    .split(" "));
            for (int i = 1; i <= options.taskManagers(); i++) {
                members.add(
                        startFlink(
                                "taskmanager-" + i,
                                TASKMANAGER_MAIN,
                                classPath,
                                jvm,
                                dynamic,
                                confDir));
                write(state);
            }
            awaitBroker(kafka, members.get(0));
            awaitTaskManagers(flink, options.taskManagers(), members);
            out.println("feedlab cluster started in " + dir);
            return state;
        } catch (Exception e) {
            stopMembers(members, out);
            throw e;
        }
    }

    /**
     * Prints each process with its pid, whether it runs, and the sockets it listens on; returns
     * whether every process runs.
     */
    public boolean status(PrintWriter out) throws IOException {
        Optional<State> state = state();
        if (state.isEmpty()) {
            out.println("no feedlab cluster in " + dir + " (feedlab cluster start)");
            return false;
        }
        State s = state.get();
        out.println("feedlab cluster in " + dir);
        out.println("  kafka " + s.kafka() + "   flink " + s.flink());
        boolean all = true;
        for (Member m : s.members()) {
            boolean up = alive(m);
            all &= up;
            List<ListeningSockets.Socket> sockets = up ? ListeningSockets.of(m.pid()) : List.of();
            out.printf(
                    "  %-14s pid %-7d %-8s %s   log %s%n",
                    m.name(),
                    m.pid(),
                    up ? "running" : "stopped",
                    sockets.isEmpty() ? "-" : sockets.toString().replaceAll("[\\[\\]]", ""),
                    m.log());
        }
        return all;
    }

    /** Stops every process (TaskManagers first, the broker last) and forgets the cluster. */
    public void stop(PrintWriter out) throws IOException {
        Optional<State> state = state();
        if (state.isEmpty()) {
            out.println("no feedlab cluster in " + dir);
            return;
        }
        stopMembers(state.get().members(), out);
        Files.deleteIfExists(dir.resolve(STATE_FILE));
        out.println("feedlab cluster stopped; logs kept in " + dir);
    }

    /**
     * The process of a member, when it is alive and still runs the member's main class (a pid the
     * system gave to another program since is not ours to stop).
     */
    public Optional<ProcessHandle> process(Member m) {
        return ProcessHandle.of(m.pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> runs(m.pid(), m.mainClass()));
    }

    /**
     * Whether the process's command line names the main class. Read from /proc in full: Java's own
     * view of a command line stops after 4 KB, inside the classpath. Without /proc, trusted.
     */
    private static boolean runs(long pid, String mainClass) {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            String args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
            return Arrays.asList(args.split("\0")).contains(mainClass);
        } catch (java.nio.file.NoSuchFileException gone) {
            return Files.exists(Path.of("/proc/self")) ? false : true;
        } catch (IOException e) {
            return true;
        }
    }

    private boolean alive(Member m) {
        return process(m).isPresent();
    }

    private void stopMembers(List<Member> members, PrintWriter out) {
        List<Member> order = new ArrayList<>(members);
        // TaskManagers, then the JobManager, then the broker: the reverse of the start.
        java.util.Collections.reverse(order);
        for (Member m : order) {
            Optional<ProcessHandle> p = process(m);
            if (p.isEmpty()) {
                continue;
            }
            p.get().destroy();
            try {
                p.get().onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception slow) {
                p.get().destroyForcibly();
            }
            out.println("  stopped " + m.name() + " (pid " + m.pid() + ")");
        }
    }

    /** The Flink configuration every process of the cluster reads from its config.yaml. */
    private Configuration flinkConfiguration(Options options, int rpcPort, int restPort)
            throws IOException {
        Configuration c = Loopback.apply(new Configuration());
        c.set(JobManagerOptions.PORT, rpcPort);
        c.set(RestOptions.PORT, restPort);
        c.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1024m"));
        c.set(TaskManagerOptions.NUM_TASK_SLOTS, options.slots());
        c.set(TaskManagerOptions.CPU_CORES, (double) options.slots());
        c.set(TaskManagerOptions.TASK_HEAP_MEMORY, MemorySize.parse(options.taskHeap()));
        c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
        c.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        c.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        // A TaskManager that dies is noticed within seconds, not the default 50.
        c.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(2));
        c.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(20));
        c.set(
                TaskManagerOptions.TASK_MANAGER_LOAD_BALANCE_MODE,
                TaskManagerOptions.TaskManagerLoadBalanceMode.SLOTS);
        Path tmp = dir.resolve("flink/tmp");
        Files.createDirectories(tmp);
        c.set(CoreOptions.TMP_DIRS, tmp.toString());
        c.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                dir.resolve("flink/checkpoints").toUri().toString());
        c.set(
                CheckpointingOptions.SAVEPOINT_DIRECTORY,
                dir.resolve("flink/savepoints").toUri().toString());
        return c;
    }

    private static List<String> jobManagerOptions(Configuration conf) {
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(conf);
        return new ArrayList<>(
                Arrays.asList(
                        JobManagerProcessUtils.generateJvmParametersStr(spec, conf).split(" ")));
    }

    /** config.yaml with one flat key per line, values quoted as YAML strings. */
    private static void writeConfig(Configuration conf, Path confDir) throws IOException {
        Files.createDirectories(confDir);
        StringBuilder yaml = new StringBuilder("# Written by feedlab cluster start.\n");
        for (Map.Entry<String, String> e : new TreeMap<>(conf.toMap()).entrySet()) {
            yaml.append(e.getKey())
                    .append(": \"")
                    .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n");
        }
        Files.writeString(confDir.resolve("config.yaml"), yaml.toString());
        Files.writeString(confDir.resolve("log4j2.properties"), LOG4J);
    }

    private Member startFlink(
            String name,
            String main,
            String classPath,
            List<String> jvm,
            List<String> args,
            Path confDir)
            throws IOException {
        Path log = dir.resolve("flink").resolve(name + ".log");
        List<String> options = new ArrayList<>(jvm);
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.add("-Dlog.file=" + log);
        options.add("-Dlog4j.configurationFile=" + confDir.resolve("log4j2.properties").toUri());
        List<String> arguments = new ArrayList<>(List.of("--configDir", confDir.toString()));
        arguments.addAll(args);
        Process p =
                JavaCommand.startDetached(
                        JavaCommand.of(options, classPath, main, arguments),
                        dir.resolve("flink"),
                        dir.resolve("flink").resolve(name + ".out"));
        return new Member(name, p.pid(), main, dir.relativize(log).toString());
    }

    private void awaitBroker(String bootstrap, Member broker) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                5_000,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                10_000))) {
            while (true) {
                if (!alive(broker)) {
                    throw new IOException(
                            "the Kafka broker exited during start-up; tail of "
                                    + broker.log()
                                    + ":\n"
                                    + tail(dir.resolve(broker.log())));
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                            .nodes()
                            .get()
                            .isEmpty()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException notYet) {
                    // Not ready yet; the deadline bounds the wait.
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the Kafka broker did not start within " + START_TIMEOUT);
                }
                Thread.sleep(300);
            }
        }
    }

    private void awaitTaskManagers(String flink, int count, List<Member> members) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI overview = URI.create("http://" + flink + "/overview");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            for (Member m : members) {
                if (!alive(m)) {
                    throw new IOException(
                            m.name()
                                    + " exited during start-up; tail of "
                                    + m.log()
                                    + ":\n"
                                    + tail(dir.resolve(m.log())));
                }
            }
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(overview)
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200
                        && JSON.readTree(r.body()).path("taskmanagers").asInt() >= count) {
                    return;
                }
            } catch (IOException notYet) {
                // The REST endpoint is not up yet; the deadline bounds the wait.
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(
                        "the Flink cluster did not register "
                                + count
                                + " TaskManagers within "
                                + START_TIMEOUT);
            }
            Thread.sleep(500);
        }
    }

    private void write(State state) throws IOException {
        Path tmp = dir.resolve(STATE_FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), state);
        Files.move(
                tmp,
                dir.resolve(STATE_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes a stopped cluster's files: a new cluster starts with empty topics and state. */
    private void clear() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int[] ports(int count) throws IOException {
        java.net.ServerSocket[] sockets = new java.net.ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] =
                        new java.net.ServerSocket(
                                0, 1, java.net.InetAddress.getByName(Loopback.HOST));
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (java.net.ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }

    /** The last few kilobytes of a log, for start-up errors. */
    static String tail(Path log) {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - 4_000);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Log4j 2 for the Flink processes: INFO to the file named by -Dlog.file. */
    private static final String LOG4J =
            """
            rootLogger.level = INFO
            rootLogger.appenderRef.file.ref = MainAppender
            appender.main.name = MainAppender
            appender.main.type = File
            appender.main.append = true
            appender.main.fileName = ${sys:log.file}
            appender.main.layout.type = PatternLayout
            appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
            logger.kafka.name = org.apache.kafka
            logger.kafka.level = WARN
            """;
}
