package org.feedlab.lab.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.feedlab.lab.engine.LabLauncher;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.engine.StreamPlatform;
import org.feedlab.lab.run.ClusterAddress;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.streams.JobSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local multi-process cluster ({@code feedlab cluster start}): every socket of its processes on
 * loopback, web submission off, and runs on it that give the embedded and direct engines'
 * metrics.csv byte for byte: fault-free through {@code feedlab run --cluster}, and with a
 * TaskManager killed after two checkpoints. The kill comes last: it leaves one TaskManager.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
    static final String SCENARIO =
            """
            name: cluster-it
            seed: 29
            ticks: 8
            society:
              users: 300
              creators: 30
            ranker:
              bootstrap_ticks: 1
              retrain_every: 1
            stream:
              parallelism: 2
            """;

    @TempDir static Path dir;

    private static LocalCluster cluster;
    private static LocalCluster.State state;
    private static Scenario scenario;
    private static byte[] reference;
    private static byte[] embedded;

    @BeforeAll
    static void start() throws Exception {
        scenario = ScenarioLoader.parse(SCENARIO, "cluster-it.yaml");
        reference = csv(directRows());
        // The embedded engine before the cluster starts, so the two never share the machine.
        try (StreamPlatform platform =
                StreamPlatform.start(
                        dir.resolve("embedded"),
                        settings(),
                        scenario.stream().partitions(),
                        scenario.stream().parallelism())) {
            embedded = csv(run(platform, tick -> {}));
        }
        cluster = new LocalCluster(dir.resolve("cluster"));
        state = cluster.start(LocalCluster.Options.DEFAULTS, new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.stop(new PrintWriter(new StringWriter()));
            for (LocalCluster.Member m : state.members()) {
                assertFalse(cluster.process(m).isPresent(), m.name() + " still runs");
            }
        }
    }

    @Test
    @Order(1)
    void everySocketOfTheClusterIsOnLoopbackAndWebSubmissionIsOff() throws Exception {
        for (LocalCluster.Member m : state.members()) {
            List<ListeningSockets.Socket> sockets = ListeningSockets.of(m.pid());
            assertFalse(sockets.isEmpty(), m.name() + " listens on nothing");
            for (ListeningSockets.Socket s : sockets) {
                assertTrue(s.loopback(), m.name() + " listens on " + s);
            }
        }
        HttpResponse<String> upload =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://" + state.flink() + "/jars/upload"))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, upload.statusCode(), "jar upload answered: " + upload.body());
        StringWriter status = new StringWriter();
        assertTrue(cluster.status(new PrintWriter(status)), status.toString());
        assertTrue(status.toString().contains("taskmanager-2"), status.toString());
    }

    @Test
    @Order(2)
    void aRunOnTheClusterGivesTheEmbeddedAndDirectEnginesBytes() throws Exception {
        assertArrayEquals(reference, embedded, "embedded against direct");
        Path out = dir.resolve("run");
        RunRequest request =
                new RunRequest(
                        scenario,
                        out,
                        false,
                        List.of(),
                        Watching.metricsOnly(0),
                        true,
                        "cluster-it.yaml",
                        new ClusterAddress(
                                state.kafka(), state.flink(), state.savepoints(), false));
        LabLauncher.Result result =
                new LabLauncher(dir.resolve("runs"), System.out).execute(request);
        assertEquals("cluster", result.engine());
        assertArrayEquals(
                reference,
                Files.readAllBytes(out.resolve("metrics.csv")),
                "cluster against direct");
        Manifest manifest = Manifest.read(out);
        assertTrue(manifest.pipeline().checkpointsCompleted() >= 1, manifest.pipeline().toString());
        System.out.printf(
                Locale.ROOT,
                "cluster run: %d checkpoints, last %d bytes of state in %d ms%n",
                manifest.pipeline().checkpointsCompleted(),
                manifest.pipeline().lastCheckpointStateBytes(),
                manifest.pipeline().lastCheckpointDurationMs());
    }

    /**
     * A TaskManager killed (SIGKILL) after at least two checkpoints: the job restores the last one
     * on the TaskManager left, and the run's bytes are the same. Prints the recovery time: from the
     * kill until the restored job completes a checkpoint of its own.
     */
    @Test
    @Order(4)
    void aKilledTaskManagerCostsNothingButTime() throws Exception {
        LocalCluster.Member victim =
                state.members().stream()
                        .filter(m -> m.name().equals("taskmanager-1"))
                        .findFirst()
                        .orElseThrow();
        AtomicLong killedAt = new AtomicLong();
        AtomicLong checkpointsBefore = new AtomicLong();
        try (StreamPlatform platform = connect("kill")) {
            byte[] bytes =
                    csv(
                            run(
                                    platform,
                                    tick -> {
                                        if (tick.tick() == 3) {
                                            awaitCheckpoints(platform, 2);
                                            checkpointsBefore.set(
                                                    platform.job().checkpoints().completed());
                                            killedAt.set(System.nanoTime());
                                            cluster.process(victim).orElseThrow().destroyForcibly();
                                            Thread recovery =
                                                    new Thread(
                                                            () ->
                                                                    recovery(
                                                                            platform,
                                                                            killedAt.get(),
                                                                            checkpointsBefore
                                                                                    .get()),
                                                            "recovery-clock");
                                            recovery.setDaemon(true);
                                            recovery.start();
                                        }
                                    }));
            assertArrayEquals(reference, bytes, "metrics.csv after a TaskManager kill");
            Manifest.Pipeline facts = platform.pipelineFacts();
            assertTrue(facts.jobRestarts() >= 1, facts.toString());
            assertTrue(facts.checkpointsRestored() >= 1, facts.toString());
        }
    }

    /** Prints how long the job took to restore and complete a checkpoint after the kill. */
    private static void recovery(StreamPlatform platform, long killedAt, long before) {
        try {
            long restored = -1;
            while (System.nanoTime() - killedAt < 300_000_000_000L) {
                var cp = platform.job().checkpoints();
                if (restored < 0 && cp.restored() >= 1) {
                    restored = System.nanoTime();
                }
                if (restored >= 0 && cp.completed() > before) {
                    System.out.printf(
                            Locale.ROOT,
                            "recovery after a TaskManager kill: restored in %.1f s, first new"
                                    + " checkpoint after %.1f s%n",
                            (restored - killedAt) / 1e9,
                            (System.nanoTime() - killedAt) / 1e9);
                    return;
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            System.out.println("recovery clock stopped: " + e);
        }
    }

    private static StreamPlatform connect(String name) throws Exception {
        return StreamPlatform.connect(
                new ClusterAddress(state.kafka(), state.flink(), state.savepoints(), false),
                name,
                settings(),
                scenario.stream().partitions(),
                scenario.stream().parallelism());
    }

    private static JobSettings settings() {
        return new JobSettings(
                scenario.ranker(),
                scenario.society().population().topics(),
                scenario.seed(),
                scenario.stream().auditShare());
    }

    @FunctionalInterface
    private interface TickAction {
        void after(SimulationRun.Tick tick) throws Exception;
    }

    private static List<MetricRow> run(StreamPlatform platform, TickAction action)
            throws Exception {
        return SimulationRun.run(
                scenario.society(),
                scenario.seed(),
                scenario.ticks(),
                platform,
                List.<SimulationRun.Listener>of(
                        tick -> {
                            try {
                                action.after(tick);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }));
    }

    private static void awaitCheckpoints(StreamPlatform platform, long n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (platform.job().checkpoints().completed() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + n + " checkpoints in 60 s");
            }
            Thread.sleep(200);
        }
    }

    private static List<MetricRow> directRows() throws Exception {
        try (var direct =
                new org.feedlab.lab.engine.DirectPlatform(
                        scenario.ranker(),
                        scenario.society().population().topics(),
                        scenario.seed(),
                        Audit.sample(scenario.seed(), scenario.stream().auditShare()))) {
            return SimulationRun.run(
                    scenario.society(), scenario.seed(), scenario.ticks(), direct, List.of());
        }
    }

    private static byte[] csv(List<MetricRow> rows) {
        StringBuilder sb = new StringBuilder(MetricRow.HEADER).append('\n');
        for (MetricRow r : rows) {
            sb.append(r.toCsvLine()).append('\n');
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
