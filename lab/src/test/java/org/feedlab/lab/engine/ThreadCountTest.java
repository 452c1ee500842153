package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct engine on one thread and on four writes the same run directory, file for file and byte
 * for byte: metrics, manifest, snapshots and the feed audits of a society that trains a model,
 * follows and follows back, and reshares.
 */
class ThreadCountTest {
    private static final String SCENARIO =
            """
            name: threads
            seed: 11
            ticks: 5
            society: {users: 300, creators: 30, creator_follows_per_user: 10}
            ranker:
              objective: engagement
              bootstrap_ticks: 1
              retrain_every: 2
            stream: {audit_share: 0.1}
            """;

    @TempDir Path work;

    private Path run(Scenario s, int threads) throws Exception {
        Path out = work.resolve("run-" + threads);
        new LabLauncher(work.resolve("runs"), System.out)
                .execute(
                        new RunRequest(
                                s,
                                out,
                                true,
                                List.of(0L, 2L, 5L),
                                Watching.metricsOnly(0),
                                true,
                                "threads.yaml",
                                null,
                                threads));
        return out;
    }

    @Test
    void oneThreadAndFourWriteTheSameBytes() throws Exception {
        Scenario s = ScenarioLoader.parse(SCENARIO, "threads.yaml");
        Path one = run(s, 1);
        Path four = run(s, 4);
        List<Path> files = files(one);
        assertEquals(files, files(four));
        assertTrue(files.contains(Path.of("metrics.csv")), files.toString());
        assertTrue(files.contains(Path.of(FeedAuditLog.FILE)), files.toString());
        assertTrue(files.contains(Path.of("snapshots", "users-tick-5.csv")), files.toString());
        for (Path f : files) {
            assertArrayEquals(
                    Files.readAllBytes(one.resolve(f)),
                    Files.readAllBytes(four.resolve(f)),
                    f.toString());
        }
    }

    /** Every regular file under a run directory, relative to it, sorted. */
    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
