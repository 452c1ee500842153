package org.feedlab.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedlab.lab.cli.FeedLabCommand;
import org.feedlab.lab.experiment.ExperimentLoader;
import org.feedlab.lab.experiment.ExperimentRunner;
import org.feedlab.lab.experiment.Grid;
import org.feedlab.lab.run.MetricRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feedlab validate} end to end on a two-finding suite of a small society: the printed
 * blocks, the last line, the tables, runs shared by the findings with one design, and the estimate
 * recomputed by hand from the runs' metrics.
 */
class ValidateCommandIT {
    @TempDir Path dir;

    private static final String FINDING =
            """
            study: Test et al. 2024
            citation: Test, A. (2024). A made-up study. Journal 1, 1-2.
            outcome: %s
            unit: items
            mechanism: whatever the society does
            published: {estimate: 1, low: %s, high: %s, kind: ci95, source: primary, note: made up}
            design:
              scenario: ../base.yaml
              seeds: [1, 2]
              arms:
                - {name: eng, ranker: {objective: engagement}}
                - {name: chrono, ranker: {objective: chronological}}
            measure:
              metric: items_read
              statistic: difference
              treatment: {arm: eng}
              control: {arm: chrono}
              ticks: {from: 2, to: 3}
            """;

    @Test
    void runsTheSuiteAndCountsTheFindingsInsideTheirIntervals() throws Exception {
        Files.writeString(
                dir.resolve("base.yaml"),
                "name: base\nseed: 1\nticks: 4\nsociety: {users: 120, creators: 30}\n");
        Path suite = Files.createDirectory(dir.resolve("suite"));
        // the same design twice: one interval that holds everything, one that holds nothing
        Files.writeString(suite.resolve("a-wide.yaml"), FINDING.formatted("wide", "-1e9", "1e9"));
        Files.writeString(suite.resolve("b-none.yaml"), FINDING.formatted("none", "1e8", "1e9"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path results = dir.resolve("out");
        int status =
                FeedLabCommand.execute(
                        request -> {
                            throw new AssertionError("validate runs the direct engine itself");
                        },
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "validate",
                        "--suite",
                        suite.toString(),
                        "--out",
                        results.toString(),
                        "--jobs",
                        "2");
        assertEquals(0, status, err.toString());
        String text = out.toString();
        List<String> lines = text.lines().toList();
        assertEquals(
                "validate: 1 of 2 findings inside their published intervals",
                lines.get(lines.size() - 1));
        assertTrue(text.contains("a-wide · Test et al. 2024 — wide"), text);
        assertTrue(text.contains("verdict:   inside the interval"), text);
        assertTrue(text.contains("wall time"), text);
        // one set of runs for both findings
        assertTrue(Files.isDirectory(results.resolve("a-wide/runs")));
        assertTrue(Files.notExists(results.resolve("b-none")));

        // the estimate by hand: eng − chrono, mean of ticks 2 and 3 of items_read, per seed
        var spec =
                ExperimentLoader.load(
                        Files.writeString(
                                dir.resolve("exp.yaml"),
                                """
                                name: by-hand
                                scenario: base.yaml
                                seeds: [1, 2]
                                arms:
                                  - {name: eng, ranker: {objective: engagement}}
                                  - {name: chrono, ranker: {objective: chronological}}
                                """));
        var runs =
                ExperimentRunner.run(
                                spec,
                                Grid.expand(spec, "exp.yaml"),
                                dir.resolve("by-hand"),
                                true,
                                1,
                                "exp.yaml",
                                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                        .runs();
        double sum = 0;
        for (long seed : List.of(1L, 2L)) {
            sum += itemsRead(runs.get("eng").get(seed)) - itemsRead(runs.get("chrono").get(seed));
        }
        List<String> csv = Files.readAllLines(results.resolve("validation-results.csv"));
        String[] row = csv.get(1).split(",");
        assertEquals("a-wide", row[0]);
        assertEquals(sum / 2, Double.parseDouble(row[9]), 1e-9, csv.get(1));
        assertEquals("inside", row[row.length - 1]);
        assertTrue(csv.get(2).endsWith(",wrong") || csv.get(2).endsWith(",direction"));
    }

    @Test
    void aDesignThatIsNotAValidScenarioExitsTwoBeforeRunningAnything() throws Exception {
        Files.writeString(
                dir.resolve("base.yaml"),
                "name: base\nseed: 1\nticks: 4\nsociety: {users: 120, creators: 30}\n");
        Path suite = Files.createDirectory(dir.resolve("suite"));
        Files.writeString(
                suite.resolve("bad.yaml"),
                FINDING.formatted("bad", "0", "1")
                        .replace("{objective: chronological}", "{objective: chronological, x: 1}"));
        StringWriter err = new StringWriter();
        int status =
                FeedLabCommand.execute(
                        request -> {
                            throw new AssertionError();
                        },
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        "validate",
                        "--suite",
                        suite.toString(),
                        "--out",
                        dir.resolve("out").toString());
        assertEquals(2, status, err.toString());
        assertTrue(err.toString().contains("arms[1] (chrono)"), err.toString());
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    private static double itemsRead(List<MetricRow> rows) {
        return rows.stream()
                .filter(
                        r ->
                                r.metric().equals("items_read")
                                        && r.segment().equals("all")
                                        && r.tick() >= 2
                                        && r.tick() <= 3)
                .mapToDouble(MetricRow::value)
                .average()
                .orElseThrow();
    }
}
