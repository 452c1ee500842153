package org.feedlab.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.lab.experiment.Arm;
import org.feedlab.lab.experiment.ExperimentSpec;
import org.feedlab.lab.run.MetricRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's arithmetic on made-up runs: per-seed estimates, the t-interval, the tally. */
class ValidationSuiteTest {
    @TempDir Path temp;

    private static Finding finding(String id, Published published, Finding.Role role) {
        ExperimentSpec design =
                new ExperimentSpec(
                        id,
                        "",
                        JsonNodeFactory.instance.objectNode(),
                        "tiny.yaml",
                        List.of(1L, 2L, 3L),
                        "c",
                        List.of(
                                new Arm("c", JsonNodeFactory.instance.objectNode()),
                                new Arm("t", JsonNodeFactory.instance.objectNode())),
                        List.of("m"),
                        1,
                        null,
                        null);
        Measure measure =
                new Measure(
                        "m",
                        Statistic.DIFFERENCE,
                        new Measure.Group("t", "all"),
                        new Measure.Group("c", "all"),
                        0,
                        0,
                        null);
        return new Finding(
                id,
                id + ".yaml",
                "Study 2024",
                "cite",
                "outcome",
                "points",
                published,
                role,
                "m",
                design,
                measure);
    }

    private static Published ci(double low, double high) {
        return new Published(
                (low + high) / 2, low, high, Published.Kind.CI95, Published.Source.PRIMARY, "");
    }

    /** Differences 1, 2 and 6 over seeds 1–3: mean 3, SD √7, half-width 4.303·√7/√3. */
    private static Map<String, Map<Long, List<MetricRow>>> runs() {
        Map<String, Map<Long, List<MetricRow>>> runs = new LinkedHashMap<>();
        double[] treated = {11, 12, 16};
        Map<Long, List<MetricRow>> t = new LinkedHashMap<>();
        Map<Long, List<MetricRow>> c = new LinkedHashMap<>();
        for (int s = 0; s < 3; s++) {
            t.put(s + 1L, List.of(new MetricRow(0, "m", "all", treated[s])));
            c.put(s + 1L, List.of(new MetricRow(0, "m", "all", 10)));
        }
        runs.put("c", c);
        runs.put("t", t);
        return runs;
    }

    @Test
    void theMeanOverSeedsWithItsTInterval() {
        Result r = ValidationSuite.judge(finding("f", ci(2, 4), Finding.Role.VALIDATION), runs());
        assertEquals(List.of(1.0, 2.0, 6.0), r.perSeed());
        double half = 4.303 * Math.sqrt(7) / Math.sqrt(3);
        assertEquals(3.0, r.mean(), 1e-12);
        assertEquals(3.0 - half, r.low(), 1e-9);
        assertEquals(3.0 + half, r.high(), 1e-9);
        assertEquals(Verdict.INSIDE, r.verdict());
        assertTrue(r.block().contains("FeedLab:   3.00 ["), r.block());
        assertTrue(r.block().contains("verdict:   inside the interval\n"), r.block());
    }

    @Test
    void aMissingSeedLeavesNoEstimate() {
        Map<String, Map<Long, List<MetricRow>>> runs = runs();
        runs.get("t").put(2L, List.of());
        Result r = ValidationSuite.judge(finding("f", ci(2, 4), Finding.Role.VALIDATION), runs);
        assertTrue(Double.isNaN(r.mean()));
        assertEquals(Verdict.WRONG, r.verdict());
    }

    @Test
    void theTallyCountsOnlyValidationFindingsWithAnInterval() {
        Published sign =
                new Published(
                        1,
                        Double.NaN,
                        Double.NaN,
                        Published.Kind.DIRECTION,
                        Published.Source.SECONDARY,
                        "");
        List<Result> results =
                List.of(
                        ValidationSuite.judge(
                                finding("a", ci(2, 4), Finding.Role.VALIDATION), runs()),
                        ValidationSuite.judge(
                                finding("b", ci(5, 9), Finding.Role.VALIDATION), runs()),
                        ValidationSuite.judge(
                                finding("c", ci(-9, -5), Finding.Role.VALIDATION), runs()),
                        ValidationSuite.judge(
                                finding("d", ci(2, 4), Finding.Role.CALIBRATION), runs()),
                        ValidationSuite.judge(finding("e", sign, Finding.Role.VALIDATION), runs()));
        assertEquals(
                List.of(
                        Verdict.INSIDE,
                        Verdict.DIRECTION,
                        Verdict.WRONG,
                        Verdict.INSIDE,
                        Verdict.DIRECTION),
                results.stream().map(Result::verdict).toList());
        String tally = ValidationSuite.tally(results);
        assertTrue(
                tally.endsWith("validate: 1 of 3 findings inside their published intervals\n"),
                tally);
        assertTrue(tally.contains("direction-only findings: 1 of 1 in the published direction"));
        assertTrue(tally.contains("calibration targets (not counted): 1 of 1 inside"));
    }

    @Test
    void findingsWithTheSameBaseArmsAndSeedsShareTheirRuns() {
        Finding a = finding("a", ci(2, 4), Finding.Role.VALIDATION);
        Finding b = finding("b", ci(5, 9), Finding.Role.CALIBRATION);
        assertEquals(ValidationSuite.designKey(a.design()), ValidationSuite.designKey(b.design()));
        ExperimentSpec fewerSeeds =
                new ExperimentSpec(
                        "a",
                        "",
                        a.design().base(),
                        "tiny.yaml",
                        List.of(1L, 2L),
                        "c",
                        a.design().arms(),
                        List.of("m"),
                        1,
                        null,
                        null);
        assertNotEquals(
                ValidationSuite.designKey(a.design()), ValidationSuite.designKey(fewerSeeds));
        ExperimentSpec otherArm =
                new ExperimentSpec(
                        "a",
                        "",
                        a.design().base(),
                        "tiny.yaml",
                        a.design().seeds(),
                        "c",
                        List.of(
                                new Arm("c", JsonNodeFactory.instance.objectNode()),
                                new Arm(
                                        "t",
                                        JsonNodeFactory.instance.objectNode().put("ticks", 9))),
                        List.of("m"),
                        1,
                        null,
                        null);
        assertNotEquals(ValidationSuite.designKey(a.design()), ValidationSuite.designKey(otherArm));
    }

    @Test
    void aSignAloneIsPrintedAsAWord() {
        Published up =
                new Published(
                        1,
                        Double.NaN,
                        Double.NaN,
                        Published.Kind.DIRECTION,
                        Published.Source.PRIMARY,
                        "");
        Published down =
                new Published(
                        -53.7,
                        Double.NaN,
                        Double.NaN,
                        Published.Kind.DIRECTION,
                        Published.Source.SECONDARY,
                        "");
        assertEquals("increase", Result.published(up, "%"));
        assertEquals("decrease, -53.70 %", Result.published(down, "%"));
        assertEquals("3.00 [2.00, 4.00] points", Result.published(ci(2, 4), "points"));
    }

    @Test
    void writesTheTables() throws Exception {
        ValidationSuite.write(
                List.of(
                        ValidationSuite.judge(
                                finding("a", ci(2, 4), Finding.Role.VALIDATION), runs())),
                temp);
        List<String> csv = Files.readAllLines(temp.resolve("validation-results.csv"));
        assertEquals(2, csv.size());
        assertTrue(
                csv.get(1)
                        .startsWith(
                                "a,\"Study 2024\",validation,ci95,primary,\"points\",3,2,4,3,"));
        assertTrue(csv.get(1).endsWith(",3,inside"), csv.get(1));
        assertEquals(
                List.of("finding,seed,estimate", "a,1,1", "a,2,2", "a,3,6"),
                Files.readAllLines(temp.resolve("validation-seeds.csv")));
        assertTrue(Files.readString(temp.resolve("validation.md")).contains("| a | Study 2024 |"));
    }
}
