package org.feedlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.feedlab.lab.run.ClusterAddress;
import org.feedlab.lab.run.RunLauncher;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.StreamConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code feedlab run}: validation before any side effect, and the request handed to the launcher.
 */
class RunCommandTest {

    private static final String VALID =
            "name: tiny\nseed: 3\nticks: 30\nsociety: {users: 50, creators: 30}\n";

    @TempDir Path temp;

    private final List<RunRequest> launched = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path valid;

    /** Records what it is asked to run and reports success. */
    private final RunLauncher recording =
            request -> {
                launched.add(request);
                return 0;
            };

    @BeforeEach
    void writeValidScenario() throws IOException {
        valid = Files.writeString(temp.resolve("tiny.yaml"), VALID);
    }

    private int run(RunLauncher launcher, String... args) {
        return FeedLabCommand.execute(launcher, new PrintWriter(out), new PrintWriter(err), args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad value   | users: -5           | $.society.users: expected integer ≥ 1, got -5",
                "renamed key | follows_per_user: 8 | $.society.follows_per_user: expected key"
                        + " creator_follows_per_user, got a key renamed to"
                        + " society.creator_follows_per_user"
            })
    void badScenarioExitsTwoNamesTheFieldAndCreatesNothing(
            String label, String society, String problem) throws IOException {
        Path bad =
                Files.writeString(
                        temp.resolve("bad.yaml"),
                        "name: b\nseed: 1\nticks: 5\nsociety: {" + society + "}\n");
        Path target = temp.resolve("x");

        int code = run(recording, "run", bad.toString(), "--out", target.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains(bad + ": " + problem), err.toString());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), launched);
    }

    @Test
    void validScenarioWithOverridesReachesTheLauncher() {
        int code = run(recording, "run", valid.toString(), "--seed", "7", "--parallelism", "2");

        assertEquals(0, code, err.toString());
        assertEquals(1, launched.size());
        RunRequest request = launched.get(0);
        assertEquals(7L, request.scenario().seed());
        assertEquals(new StreamConfig(2, 2), request.scenario().stream());
        assertEquals(50, request.scenario().society().population().users());
        assertNull(request.out());
        assertFalse(request.direct());
        assertEquals(List.of(), request.snapshotTicks());
        assertEquals(Watching.metricsOnly(9464), request.watching());
        assertFalse(request.quiet());
        assertEquals(valid.toString(), request.scenarioFile());
    }

    @Test
    void everyOptionIsPassedOn() {
        Path target = temp.resolve("out");

        int code =
                run(
                        recording,
                        "run",
                        valid.toString(),
                        "--direct",
                        "--out",
                        target.toString(),
                        "--snapshot-ticks",
                        "30,0,10,10",
                        "--metrics-port",
                        "0",
                        "--quiet");

        assertEquals(0, code, err.toString());
        RunRequest request = launched.get(0);
        assertEquals(3L, request.scenario().seed());
        assertEquals(StreamConfig.defaults(), request.scenario().stream());
        assertEquals(target, request.out());
        assertTrue(request.direct());
        assertEquals(List.of(0L, 10L, 30L), request.snapshotTicks());
        assertEquals(0, request.watching().metricsPort());
        assertTrue(request.quiet());
        // The command itself creates nothing: the launcher owns the run directory.
        assertFalse(Files.exists(target));
    }

    @Test
    void launcherExitCodeIsReturned() {
        assertEquals(3, run(request -> 3, "run", valid.toString()));
    }

    @Test
    void launcherFailureIsReportedWithExitOne() {
        int code =
                run(
                        request -> {
                            throw new IOException("broker did not start");
                        },
                        "run",
                        valid.toString());

        assertEquals(1, code);
        assertTrue(err.toString().contains("broker did not start"), err.toString());
    }

    @Test
    void badOverridesAreReportedUnderTheOptionName() {
        assertEquals(
                2, run(recording, "run", valid.toString(), "--seed", "-1", "--parallelism", "65"));

        assertTrue(
                err.toString().contains("command line: --seed: expected integer ≥ 0, got -1"),
                err.toString());
        assertTrue(
                err.toString()
                        .contains("command line: --parallelism: expected integer ≤ 64, got 65"),
                err.toString());
        assertEquals(List.of(), launched);
    }

    @Test
    void snapshotTicksBeyondTheScenarioAreRefused() {
        assertEquals(2, run(recording, "run", valid.toString(), "--snapshot-ticks", "0,31"));

        assertTrue(
                err.toString()
                        .contains("--snapshot-ticks: expected ticks between 0 and 30, got 31"),
                err.toString());
        assertEquals(List.of(), launched);
    }

    @Test
    void theLivePageAndAnotherEndpointAddressAreOptIns() throws Exception {
        int code =
                run(
                        recording,
                        "run",
                        valid.toString(),
                        "--live",
                        "--live-port",
                        "0",
                        "--metrics-bind",
                        "0.0.0.0");

        assertEquals(0, code, err.toString());
        assertEquals(
                new Watching(InetAddress.getByName("0.0.0.0"), 9464, true, 0),
                launched.get(0).watching());
    }

    @Test
    void aMetricsBindThatIsNoAddressIsRefused() {
        assertEquals(
                2, run(recording, "run", valid.toString(), "--metrics-bind", "prometheus.example"));
        assertTrue(
                err.toString().contains("--metrics-bind: expected an IP address of this machine"),
                err.toString());
        assertEquals(2, run(recording, "run", valid.toString(), "--live-port", "70000"));
        assertEquals(List.of(), launched);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "embedded stream engine | ",
                "a named cluster        | --cluster --kafka 127.0.0.1:9092 --flink 127.0.0.1:8081"
            })
    void anOracleOffTheDirectEngineExitsTwoNamingTheFieldAndCreatesNothing(
            String label, String options) throws IOException {
        Path oracle =
                Files.writeString(
                        temp.resolve("oracle.yaml"),
                        VALID + "ranker: {objective: session-aware, oracle: true}\n");
        Path target = temp.resolve("x");
        List<String> args =
                new ArrayList<>(List.of("run", oracle.toString(), "--out", target.toString()));
        if (options != null) {
            args.addAll(List.of(options.trim().split(" +")));
        }

        assertEquals(2, run(recording, args.toArray(String[]::new)));

        assertTrue(
                err.toString()
                        .contains(
                                oracle + ": $.ranker.oracle: expected false on the stream engine"),
                err.toString());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), launched);
    }

    @Test
    void anOracleOnTheDirectEngineReachesTheLauncher() throws IOException {
        Path oracle =
                Files.writeString(
                        temp.resolve("oracle.yaml"),
                        VALID + "ranker: {objective: session-aware, oracle: true}\n");

        assertEquals(0, run(recording, "run", oracle.toString(), "--direct"), err.toString());

        assertTrue(launched.get(0).scenario().ranker().oracle());
        assertTrue(launched.get(0).direct());
    }

    @Test
    void anOracleArmOfAStreamExperimentExitsTwoNamingItsFieldBeforeAnyRun() throws IOException {
        Files.writeString(temp.resolve("base.yaml"), VALID);
        Path experiment =
                Files.writeString(
                        temp.resolve("exp.yaml"),
                        """
                        name: exp
                        scenario: base.yaml
                        seeds: [1]
                        arms:
                          - name: model
                            ranker: {objective: session-aware}
                          - name: truth
                            ranker: {objective: session-aware, oracle: true}
                        """);
        Path target = temp.resolve("exp-out");

        int code =
                run(
                        recording,
                        "experiment",
                        experiment.toString(),
                        "--engine",
                        "stream",
                        "--out",
                        target.toString());

        assertEquals(2, code);
        assertTrue(
                err.toString()
                        .contains(
                                experiment
                                        + ": $.arms[1].ranker.oracle: expected false on the stream"
                                        + " engine"),
                err.toString());
        assertFalse(Files.exists(target));
    }

    @Test
    void nonEmptyOutIsRefusedBeforeLaunching() throws IOException {
        Path target = Files.createDirectories(temp.resolve("used"));
        Files.writeString(target.resolve("metrics.csv"), "old");

        assertEquals(2, run(recording, "run", valid.toString(), "--out", target.toString()));

        assertTrue(err.toString().contains("is not empty"), err.toString());
        assertEquals(List.of(), launched);
        assertEquals("old", Files.readString(target.resolve("metrics.csv")));
    }

    @Test
    void clusterModeWithoutARunningClusterSaysHowToStartOne() {
        Path none = temp.resolve("no-cluster");
        assertEquals(
                2,
                run(
                        recording,
                        "run",
                        valid.toString(),
                        "--cluster",
                        "--cluster-dir",
                        none.toString()));

        assertTrue(
                err.toString()
                        .contains(
                                "--cluster: expected a running local cluster in "
                                        + none.toAbsolutePath().normalize()
                                        + " (feedlab cluster start), or --kafka and --flink, got"
                                        + " none"),
                err.toString());
        assertEquals(List.of(), launched);
    }

    @Test
    void aNamedClusterReachesTheLauncherWithItsAddresses() {
        Path none = temp.resolve("no-local-cluster");
        int code =
                run(
                        recording,
                        "run",
                        valid.toString(),
                        "--cluster",
                        "--kafka",
                        "127.0.0.1:9092",
                        "--flink",
                        "127.0.0.1:8081",
                        "--cluster-dir",
                        none.toString());

        assertEquals(0, code, err.toString());
        // Not the local cluster: the job's classes travel with it.
        assertEquals(
                new ClusterAddress("127.0.0.1:9092", "127.0.0.1:8081", null, true),
                launched.get(0).cluster());
    }

    @Test
    void aClusterAddressMustBeHostAndPort() {
        assertEquals(
                2,
                run(
                        recording,
                        "run",
                        valid.toString(),
                        "--cluster",
                        "--kafka",
                        "localhost",
                        "--flink",
                        "127.0.0.1:8081"));

        assertTrue(
                err.toString().contains("--kafka: expected HOST:PORT, got localhost"),
                err.toString());
        assertEquals(List.of(), launched);
    }

    @Test
    void directAndClusterAreMutuallyExclusive() {
        assertEquals(2, run(recording, "run", valid.toString(), "--direct", "--cluster"));

        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
        assertEquals(List.of(), launched);
    }

    @Test
    void missingScenarioFileExitsTwo() {
        Path missing = temp.resolve("missing.yaml");

        assertEquals(2, run(recording, "run", missing.toString()));

        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void versionAndUsage() {
        assertEquals(0, run(recording, "--version"));
        assertEquals("feedlab 0.1.0", out.toString().strip());

        assertEquals(2, run(recording));
        assertTrue(err.toString().contains("Usage: feedlab"), err.toString());
        assertTrue(err.toString().contains("scenarios"), err.toString());
    }
}
