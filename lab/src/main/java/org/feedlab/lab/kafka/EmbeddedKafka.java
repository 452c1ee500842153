package org.feedlab.lab.kafka;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.feedlab.lab.jvm.JavaCommand;

/**
 * A real single-node Kafka broker in a child JVM, for runs without a broker of their own. The child
 * runs the server classes from this JVM's classpath, so the lab needs no Kafka download.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Default heap of the broker JVM: plenty for lab-sized topics, small beside Flink. */
    public static final String DEFAULT_MAX_HEAP = "512m";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
    private static final Duration FORCED_STOP = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 200;

    private final BrokerFiles files;
    private final String maxHeap;
    private final int port;
    private volatile Process process;
    private final String bootstrapServers;
    private final Admin admin;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(
            BrokerFiles files,
            String maxHeap,
            int port,
            Process process,
            String bootstrapServers,
            Admin admin) {
        this.files = files;
        this.maxHeap = maxHeap;
        this.port = port;
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    /** Starts a broker with {@link #DEFAULT_MAX_HEAP}; see {@link #start(Path, int, String)}. */
    public static EmbeddedKafka start(Path workDir, int defaultPartitions) throws IOException {
        return start(workDir, defaultPartitions, DEFAULT_MAX_HEAP);
    }

    /**
     * Formats storage in {@code workDir}, starts the broker and returns once it answers requests.
     * On failure the child is stopped and {@code workDir} is kept so its broker.log can be read.
     *
     * @param workDir directory for the broker's data, config and broker.log; deleted by close()
     * @param defaultPartitions partitions of topics created without an explicit count
     * @param maxHeap the child's -Xmx value, such as "512m"
     * @throws IOException if the broker cannot be formatted or does not become ready in time
     */
    public static EmbeddedKafka start(Path workDir, int defaultPartitions, String maxHeap)
            throws IOException {
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException(
                    "defaultPartitions must be >= 1: " + defaultPartitions);
        }
        BrokerFiles files = new BrokerFiles(workDir.toAbsolutePath());
        Files.createDirectories(files.workDir());
        int[] ports = LoopbackPorts.pick(2);
        files.write(ports[0], ports[1], defaultPartitions);
        format(files, maxHeap);

        Process process =
                javaProcess(
                                files,
                                maxHeap,
                                BrokerMain.class.getName(),
                                files.serverProperties().toString())
                        .start();
        String bootstrap = "127.0.0.1:" + ports[0];
        Admin admin = null;
        try {
            awaitPort(files, process, ports[0]);
            admin = Admin.create(adminConfig(bootstrap));
            awaitCluster(files, process, admin);
            return new EmbeddedKafka(files, maxHeap, ports[0], process, bootstrap, admin);
        } catch (IOException | RuntimeException e) {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
            stop(process);
            throw e;
        }
    }

    /** The broker's client listener, for producers, consumers and Flink's Kafka connector. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Stops the broker and starts it again on the same ports and data, as a broker that fails and
     * comes back: {@code crash} kills it at once (SIGKILL), otherwise it shuts down cleanly.
     * Returns once the new broker answers requests; clients reconnect by themselves.
     */
    public synchronized void restart(boolean crash) throws IOException {
        if (crash) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while stopping the broker");
            }
            closePipe(process.getOutputStream());
        } else {
            stop(process);
        }
        process =
                javaProcess(
                                files,
                                maxHeap,
                                BrokerMain.class.getName(),
                                files.serverProperties().toString())
                        .start();
        awaitPort(files, process, port);
        awaitCluster(files, process, admin);
    }

    /** Process id of the broker JVM. */
    public long pid() {
        return process.pid();
    }

    /**
     * Creates topics with one replica each and waits until every partition has a leader, so clients
     * started right after see the whole topic.
     *
     * @throws IllegalStateException if a topic exists already or creation fails or times out
     */
    public void createTopics(Collection<String> names, int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitions, (short) 1));
        }
        try {
            admin.createTopics(topics).all().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            KafkaTopics.awaitLeaders(admin, names, TOPIC_TIMEOUT);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + names, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names, e);
        }
    }

    /**
     * Stops the broker (SIGTERM, then a forced kill after a grace period), waits until it has
     * exited and deletes the work directory. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        admin.close(Duration.ofSeconds(5));
        stop(process);
        files.deleteWorkDir();
    }

    /** Closes the child's stdin as a dying parent would; the child's watchdog should then exit. */
    void closeParentPipe() throws IOException {
        process.getOutputStream().close();
    }

    /** Runs StorageTool in a child JVM: it calls System.exit, which must not end this JVM. */
    static void format(BrokerFiles files, String maxHeap) throws IOException {
        // The same id StorageTool's random-uuid command would print.
        String clusterId = Uuid.randomUuid().toString();
        Process formatter =
                javaProcess(
                                files,
                                maxHeap,
                                "kafka.tools.StorageTool",
                                "format",
                                "--standalone",
                                "-t",
                                clusterId,
                                "-c",
                                files.serverProperties().toString())
                        .start();
        try {
            formatter.getOutputStream().close();
            if (!formatter.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(
                        "formatting Kafka storage timed out\n" + files.brokerLogTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while formatting Kafka storage");
        } finally {
            stop(formatter);
        }
        if (formatter.exitValue() != 0) {
            throw new IOException(
                    "formatting Kafka storage failed with exit code "
                            + formatter.exitValue()
                            + "\n"
                            + files.brokerLogTail());
        }
    }

    /** The broker JVM's options: heap, exit on OOM, its own temp directory and logging. */
    static List<String> brokerJvmOptions(BrokerFiles files, String maxHeap) {
        return List.of(
                "-Xmx" + maxHeap,
                // The broker moves bytes: the quick C1 compiler's code serves it, and the C2
                // compiler's work on Kafka's code cost as much CPU as the broker's data plane in a
                // classroom run (docs/PERFORMANCE.md, "Stream vs direct").
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + files.tmpDir(),
                "-Dlog4j2.configurationFile=" + files.log4jConfig().toUri());
    }

    /** A child JVM on this JVM's classpath, logging to broker.log, with stdin left as a pipe. */
    private static ProcessBuilder javaProcess(
            BrokerFiles files, String maxHeap, String mainClass, String... args) {
        List<String> command =
                JavaCommand.of(brokerJvmOptions(files, maxHeap), mainClass, List.of(args));
        return new ProcessBuilder(command)
                .directory(files.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.brokerLog().toFile()));
    }

    /**
     * Waits until the client port accepts connections, before any Kafka client exists: a client
     * pointed at a closed port fills the parent's log with connection warnings.
     */
    private static void awaitPort(BrokerFiles files, Process process, int port) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            ensureAlive(files, process);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException notYet) {
                // Expected while the broker JVM is still starting; the deadline bounds the wait.
                checkDeadline(files, deadline, "did not open port " + port);
            }
            pause();
        }
    }

    private static void awaitCluster(BrokerFiles files, Process process, Admin admin)
            throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs(2_000);
        while (true) {
            ensureAlive(files, process);
            try {
                if (!admin.describeCluster(options).nodes().get().isEmpty()) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // The broker accepts connections before it has registered; ask again.
                checkDeadline(
                        files, deadline, "did not answer describeCluster: " + notYet.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the broker");
            }
            checkDeadline(files, deadline, "reported no nodes");
            pause();
        }
    }

    private static void ensureAlive(BrokerFiles files, Process process) throws IOException {
        if (!process.isAlive()) {
            throw new IOException(
                    "Kafka broker exited during start-up with code "
                            + process.exitValue()
                            + "; tail of "
                            + files.brokerLog()
                            + ":\n"
                            + files.brokerLogTail());
        }
    }

    private static void checkDeadline(BrokerFiles files, long deadline, String what)
            throws IOException {
        if (System.nanoTime() > deadline) {
            throw new IOException(
                    "Kafka broker "
                            + what
                            + " within "
                            + START_TIMEOUT.toSeconds()
                            + " s; tail of "
                            + files.brokerLog()
                            + ":\n"
                            + files.brokerLogTail());
        }
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the broker");
        }
    }

    /**
     * Asks the process to stop, kills it after a grace period and returns only once it is gone,
     * even if interrupted (the interrupt is kept), so no broker outlives its owner.
     */
    private static void stop(Process process) {
        boolean interrupted = false;
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            process.destroyForcibly();
        }
        while (process.isAlive()) {
            try {
                if (!process.waitFor(FORCED_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        closePipe(process.getOutputStream());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closePipe(OutputStream pipe) {
        try {
            pipe.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the broker's stdin pipe", e);
        }
    }

    private static Map<String, Object> adminConfig(String bootstrap) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "feedlab-embedded-kafka",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000);
    }
}
