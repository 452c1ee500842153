package org.feedlab.lab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small experiment end to end on the direct engine, sequentially and with two jobs. */
class ExperimentIT {
    @TempDir Path dir;

    @Test
    void tidyResultsAndTheSameBytesWhateverTheNumberOfJobs() throws Exception {
        Files.writeString(
                dir.resolve("base.yaml"),
                "name: base\nseed: 1\nticks: 5\nsociety: {users: 200, creators: 25}\n");
        Path f = dir.resolve("exp.yaml");
        Files.writeString(
                f,
                """
                name: small
                scenario: base.yaml
                seeds: [1, 2]
                baseline: chrono
                arms:
                  - name: eng
                    ranker: {objective: engagement}
                  - name: chrono
                    ranker: {objective: chronological}
                summary: {metrics: [outrage_exposure_share, items_read], last_ticks: 2}
                """);
        ExperimentSpec spec = ExperimentLoader.load(f);
        List<PlannedRun> plan = Grid.expand(spec, f.toString());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ExperimentRunner.Outcome one =
                ExperimentRunner.run(spec, plan, dir.resolve("one"), true, 1, "exp.yaml", quiet);
        ExperimentRunner.run(spec, plan, dir.resolve("two"), true, 2, "exp.yaml", quiet);

        for (String file : List.of("results.csv", "summary.csv", "experiment.json")) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("one").resolve(file)),
                    Files.readAllBytes(dir.resolve("two").resolve(file)),
                    file + " depends on the number of jobs");
        }
        List<String> results = Files.readAllLines(dir.resolve("one/results.csv"));
        assertEquals("arm,seed,tick,metric,segment,value", results.get(0));
        assertTrue(results.get(1).startsWith("eng,1,0,"), results.get(1));
        assertTrue(
                results.stream()
                        .anyMatch(l -> l.startsWith("chrono,2,4,outrage_exposure_share,all,")));
        for (PlannedRun run : plan) {
            assertTrue(
                    Files.exists(
                            dir.resolve("one/runs")
                                    .resolve(run.directoryName())
                                    .resolve("metrics.csv")));
        }
        // 2 metrics × 2 arms, the baseline's difference from itself is 0.
        assertEquals(4, one.summary().size());
        SummaryRow chrono =
                one.summary().stream()
                        .filter(s -> s.arm().equals("chrono") && s.metric().equals("items_read"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(0.0, chrono.diff(), 0.0);
        assertEquals(2, chrono.n());
    }
}
