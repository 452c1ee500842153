package org.feedlab.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.feedlab.lab.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingLoaderTest {
    @TempDir Path temp;

    private static final String SCENARIO =
            "name: tiny\nseed: 1\nticks: 4\nsociety:\n  users: 50\n  creators: 5\n";

    private static final String VALID =
            """
            study: Guess et al. 2023a
            citation: Guess, A. M. et al. (2023). Science 381, 398-404.
            outcome: time spent, chronological vs algorithmic feed
            unit: percent
            mechanism: taste pull and habit
            published: {estimate: -21, low: -26, high: -16, kind: ci95, source: secondary, note: n}
            design:
              scenario: tiny.yaml
              seeds: [1, 2]
              arms:
                - {name: algorithmic, ranker: {objective: engagement}}
                - {name: chronological, ranker: {objective: chronological}}
            measure:
              metric: items_read
              statistic: percent_change
              treatment: {arm: chronological}
              control: {arm: algorithmic}
              ticks: {from: 1, to: 3}
            """;

    private Path write(String name, String text) throws IOException {
        Files.writeString(temp.resolve("tiny.yaml"), SCENARIO);
        return Files.writeString(temp.resolve(name), text);
    }

    private String problems(String text) throws IOException {
        Path f = write("bad-finding.yaml", text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> FindingLoader.load(f));
        return e.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void readsAFinding() throws Exception {
        Finding f = FindingLoader.load(write("guess-time.yaml", VALID));
        assertEquals("guess-time", f.id());
        assertEquals(Finding.Role.VALIDATION, f.role());
        assertEquals(-21.0, f.published().estimate());
        assertEquals(-26.0, f.published().low());
        assertEquals(Published.Kind.CI95, f.published().kind());
        assertEquals(Published.Source.SECONDARY, f.published().source());
        assertEquals(Statistic.PERCENT_CHANGE, f.measure().statistic());
        assertEquals(new Measure.Group("chronological", "all"), f.measure().treatment());
        assertEquals(1, f.measure().fromTick());
        assertEquals(3, f.measure().toTick());
        assertEquals("algorithmic", f.design().baseline());
        assertEquals(List.of(1L, 2L), f.design().seeds());
        assertTrue(f.counted());
    }

    @Test
    void namesTheBadFieldOfEachSection() throws Exception {
        String p =
                problems(
                        VALID.replace("kind: ci95", "kind: roughly")
                                .replace("{arm: chronological}", "{arm: nightly}")
                                .replace("statistic: percent_change", "statistic: percent")
                                .replace("seeds: [1, 2]", "seeds: [1, 1]"));
        assertTrue(p.contains("$.published.kind: expected one of [ci95"), p);
        assertTrue(p.contains("$.measure.statistic: expected one of [difference"), p);
        // the design is checked by the experiment loader, its paths under $.design
        String d = problems(VALID.replace("seeds: [1, 2]", "seeds: [1, 1]"));
        assertTrue(d.contains("$.design.seeds[1]: expected distinct seeds"), d);
        String a = problems(VALID.replace("{arm: chronological}", "{arm: nightly}"));
        assertTrue(a.contains("$.measure.treatment.arm: expected one of the design's arms"), a);
    }

    @Test
    void anIntervalMustBeOrderedAndADirectionHasNone() throws Exception {
        assertTrue(
                problems(VALID.replace("low: -26, high: -16", "low: -16, high: -26"))
                        .contains("$.published.high: expected high ≥ low"));
        assertTrue(
                problems(VALID.replace("kind: ci95", "kind: direction"))
                        .contains("no low or high for kind direction"));
    }

    @Test
    void sdUnitsNeedTheSdMetricAndNothingElseTakesIt() throws Exception {
        assertTrue(
                problems(VALID.replace("statistic: percent_change", "statistic: sd_units"))
                        .contains("$.measure.sd_metric: expected a non-empty string"));
        assertTrue(
                problems(VALID.replace("  ticks: {from", "  sd_metric: x_sd\n  ticks: {from"))
                        .contains("$.measure.sd_metric: expected nothing"));
    }

    @Test
    void unknownKeysAndMissingFieldsAreNamed() throws Exception {
        String p = problems(VALID.replace("unit: percent\n", "units: percent\n"));
        assertTrue(p.contains("$.units: expected one of the keys"), p);
        assertTrue(p.contains("$.unit: expected a non-empty string, got nothing"), p);
        assertTrue(
                problems(VALID.replace("ticks: {from: 1, to: 3}", "ticks: {from: 3, to: 1}"))
                        .contains("$.measure.ticks: expected 0 ≤ from ≤ to"));
    }

    @Test
    void calibrationTargetsAreNotCounted() throws Exception {
        Finding f =
                FindingLoader.load(
                        write(
                                "p.yaml",
                                VALID.replace(
                                        "unit: percent", "unit: percent\nrole: calibration")));
        assertEquals(Finding.Role.CALIBRATION, f.role());
        assertFalse(f.counted());
    }

    @Test
    void aSuiteIsEveryYamlFileInNameOrder() throws Exception {
        write("b.yaml", VALID);
        write("a.yaml", VALID);
        Files.delete(temp.resolve("tiny.yaml"));
        Path dir = Files.createDirectory(temp.resolve("suite"));
        Files.writeString(dir.resolve("tiny.yaml.txt"), "not a finding");
        Files.writeString(temp.resolve("tiny.yaml"), SCENARIO);
        Files.writeString(dir.resolve("z.yaml"), VALID.replace("tiny.yaml", "../tiny.yaml"));
        Files.writeString(dir.resolve("m.yaml"), VALID.replace("tiny.yaml", "../tiny.yaml"));
        assertEquals(
                List.of("m", "z"), FindingLoader.loadSuite(dir).stream().map(Finding::id).toList());
    }
}
