package org.feedlab.lab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.ranker.ModelResolution;
import org.feedlab.ranker.policy.ModelCapacity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentLoaderTest {
    @TempDir Path dir;

    private static final String BASE =
            """
            name: base
            seed: 1
            ticks: 4
            society: {users: 100, creators: 30}
            """;

    private Path write(String experiment) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, experiment);
        return f;
    }

    @Test
    void expandsArmsTimesSeedsWithOverridesMerged() throws Exception {
        Path f =
                write(
                        """
                        name: exp
                        scenario: base.yaml
                        seeds: [7, 8]
                        ticks: 3
                        arms:
                          - name: eng
                            ranker: {objective: engagement}
                          - name: chrono
                            ranker: {objective: chronological}
                            society: {users: 120}
                        """);
        ExperimentSpec spec = ExperimentLoader.load(f);
        assertEquals("eng", spec.baseline(), "the first arm is the baseline by default");
        List<PlannedRun> plan = Grid.expand(spec, "exp.yaml");
        assertEquals(4, plan.size());
        assertEquals(
                List.of("eng-s7", "eng-s8", "chrono-s7", "chrono-s8"),
                plan.stream().map(PlannedRun::directoryName).toList());
        PlannedRun chrono = plan.get(3);
        assertEquals(8, chrono.scenario().seed());
        assertEquals(3, chrono.scenario().ticks(), "experiment-level ticks apply to every arm");
        assertEquals("chronological", chrono.scenario().ranker().objective().name());
        assertEquals(120, chrono.scenario().society().population().users(), "arm override");
        assertEquals(
                30,
                chrono.scenario().society().population().creators(),
                "kept from the base scenario");
        assertEquals(100, plan.get(0).scenario().society().population().users());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'seeds: []'|$.seeds",
                "'seeds: [1, x]'|$.seeds[1]",
                "'seeds: [1, 1]'|$.seeds[1]",
                "'colour: red'|$.colour",
                "'baseline: nobody'|$.baseline",
                "'summary: {last_ticks: 0}'|$.summary.last_ticks",
            })
    void badExperimentFilesNameTheField(String line, String path) throws Exception {
        String body =
                """
                name: exp
                scenario: base.yaml
                arms:
                  - name: a
                """;
        if (!line.startsWith("seeds")) {
            body += "seeds: [1]\n";
        }
        Path f = write(body + line + "\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentLoader.load(f));
        assertTrue(e.getMessage().contains(path), e.getMessage());
    }

    @Test
    void aBadArmIsReportedWithItsNameAndTheScenarioField() throws Exception {
        Path f =
                write(
                        """
                        name: exp
                        scenario: base.yaml
                        seeds: [1]
                        arms:
                          - name: broken
                            ranker: {objective: likes}
                        """);
        ExperimentSpec spec = ExperimentLoader.load(f);
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> Grid.expand(spec, "exp.yaml"));
        assertTrue(e.getMessage().contains("arms[0] (broken)"), e.getMessage());
        assertTrue(e.getMessage().contains("$.ranker.objective"), e.getMessage());
    }

    @Test
    void aDoseResponseLaysOutOneArmPerCurveAndLevelWithTheDoseSet() throws Exception {
        Path f =
                write(
                        """
                        name: dose
                        scenario: base.yaml
                        seeds: [1, 2]
                        dose_response:
                          dose: society.anger_threshold
                          levels: [1.5, 3, 6]
                          curves:
                            - name: eng
                              ranker: {objective: engagement}
                            - name: truth
                              ranker: {objective: session-aware, oracle: true}
                              society: {users: 80}
                        """);
        ExperimentSpec spec = ExperimentLoader.load(f);
        assertEquals(
                new DoseResponse(
                        "society.anger_threshold", List.of(1.5, 3.0, 6.0), List.of("eng", "truth")),
                spec.doseResponse());
        assertEquals(
                List.of("eng-1.5", "eng-3", "eng-6", "truth-1.5", "truth-3", "truth-6"),
                spec.arms().stream().map(Arm::name).toList());
        assertEquals("eng-1.5", spec.baseline());
        List<PlannedRun> plan = Grid.expand(spec, "dose.yaml");
        assertEquals(12, plan.size());
        PlannedRun truth6 = plan.get(11);
        assertEquals("truth-6", truth6.arm());
        assertEquals(6.0, truth6.scenario().society().affect().angerThreshold(), 0.0);
        assertEquals(80, truth6.scenario().society().population().users(), "the curve's override");
        assertTrue(truth6.scenario().ranker().oracle());
        assertEquals(1.5, plan.get(0).scenario().society().affect().angerThreshold(), 0.0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "dose_response: {dose: anger_threshold, levels: [1], curves: [{name: a}]}"
                        + " | $.dose_response.dose",
                "dose_response: {dose: society.anger_threshold, levels: [2, 1], curves: [{name:"
                        + " a}]} | $.dose_response.levels[1]",
                "dose_response: {dose: society.anger_threshold, levels: [1], curves: []}"
                        + " | $.dose_response.curves",
                "dose_response: {dose: society.anger_threshold, levels: [1], curves: [{name: a,"
                        + " seeds: 3}]} | $.dose_response.curves[0].seeds",
                "arms: [{name: a}]\\ndose_response: {dose: society.anger_threshold, levels: [1],"
                        + " curves: [{name: a}]} | $.arms"
            })
    void badDoseResponsesNameTheField(String block, String path) throws Exception {
        Path f =
                write(
                        "name: exp\nscenario: base.yaml\nseeds: [1]\n"
                                + block.replace("\\n", "\n")
                                + "\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentLoader.load(f));
        assertTrue(e.getMessage().contains(path + ":"), e.getMessage());
    }

    private static final String CAPACITY_BASE =
            """
            name: base
            seed: 1
            ticks: 4
            society: {users: 100, creators: 30}
            ranker:
              policies:
                - {type: transparency}
                - type: model-capacity
                  latency_budget_ms: 0.5
                  candidates: 300
                  flops_per_second: 1.0e9
            """;

    @Test
    void aPolicysParameterIsADoseSetOnThatPolicyInEachArm() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), CAPACITY_BASE);
        Path f = dir.resolve("exp.yaml");
        Files.writeString(
                f,
                """
                name: hw
                scenario: base.yaml
                seeds: [1, 2]
                dose_response:
                  dose: ranker.policies.model-capacity.flops_per_second
                  levels: [4.6e9, 1.0e10, 2.5e10, 7.0e10]
                  curves:
                    - name: cap
                """);
        ExperimentSpec spec = ExperimentLoader.load(f);
        assertEquals(
                List.of("cap-4600000000", "cap-10000000000", "cap-25000000000", "cap-70000000000"),
                spec.arms().stream().map(Arm::name).toList());
        List<PlannedRun> plan = Grid.expand(spec, "hw.yaml");
        assertEquals(8, plan.size());
        // The other policy stays in place; the capacity policy has the level, nothing else moved.
        for (int i = 0; i < plan.size(); i++) {
            var policies = plan.get(i).scenario().ranker().policies();
            assertEquals(2, policies.size());
            assertEquals("transparency", policies.get(0).type());
            ModelCapacity c = (ModelCapacity) policies.get(1);
            assertEquals(spec.doseResponse().levels().get(i / 2), c.flopsPerSecond(), 0.0);
            assertEquals(0.5, c.latencyBudgetMs(), 0.0);
            assertEquals(300, c.candidates());
        }
        // 300 candidates in 0.5 ms: each speed buys the next rung of the ladder.
        assertEquals(
                List.of(
                        List.of(32, 16),
                        List.of(32, 16),
                        List.of(64, 32),
                        List.of(64, 32),
                        List.of(128, 64),
                        List.of(128, 64),
                        List.of(256, 128),
                        List.of(256, 128)),
                plan.stream()
                        .map(r -> ModelResolution.of(r.scenario().ranker()).model().hiddenSizes())
                        .toList());
        assertEquals(
                java.util.Optional.of(List.of(128, 64)),
                ExperimentRunner.chosenHiddenSizes(plan, "cap-25000000000"));
        assertEquals(
                java.util.Optional.empty(), ExperimentRunner.chosenHiddenSizes(plan, "nowhere"));
    }

    @Test
    void aDosedPolicyParameterTheSchemaDoesNotKnowIsNamedBeforeAnyRun() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), CAPACITY_BASE);
        Path f = dir.resolve("exp.yaml");
        Files.writeString(
                f,
                "name: hw\nscenario: base.yaml\nseeds: [1]\ndose_response: {dose:"
                        + " ranker.policies.model-capacity.flops, levels: [1.0e10], curves:"
                        + " [{name: cap}]}\n");
        ExperimentSpec spec = ExperimentLoader.load(f);
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> Grid.expand(spec, "hw.yaml"));
        assertTrue(e.getMessage().contains("$.ranker.policies[1]"), e.getMessage());
        assertTrue(e.getMessage().contains("flops"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ranker.policies.model-size.flops_per_second | [{name: a}] | $.dose_response.dose",
                "ranker.policies.model-capacity | [{name: a}] | $.dose_response.dose",
                "ranker.policies.telemetry-restriction.from_tick | [{name: a}]"
                        + " | $.scenario ranker.policies",
                "ranker.policies.model-capacity.candidates | [{name: a, ranker: {policies: []}}]"
                        + " | $.dose_response.curves[0].ranker.policies"
            })
    void aPolicyDoseNeedsAKnownTypeAndExactlyOnePolicyOfIt(String dose, String curves, String path)
            throws Exception {
        Files.writeString(dir.resolve("base.yaml"), CAPACITY_BASE);
        Path f = dir.resolve("exp.yaml");
        Files.writeString(
                f,
                "name: hw\nscenario: base.yaml\nseeds: [1]\ndose_response: {dose: "
                        + dose
                        + ", levels: [1], curves: "
                        + curves
                        + "}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentLoader.load(f));
        assertTrue(e.getMessage().contains(path + ":"), e.getMessage());
    }

    @Test
    void aLossRecoveryBlockNamesTheTickAndPairsOfArms() throws Exception {
        Path f =
                write(
                        """
                        name: loss
                        scenario: base.yaml
                        seeds: [1, 2]
                        arms:
                          - name: kept
                          - name: lost
                            ranker:
                              policies:
                                - {type: telemetry-restriction, groups: [user_history], from_tick: 2}
                        loss_recovery:
                          tick: 2
                          metrics: [model_auc_click, items_read]
                          pairs:
                            - {treated: lost, control: kept}
                        """);
        ExperimentSpec spec = ExperimentLoader.load(f);
        assertEquals(
                new LossRecovery(
                        2,
                        5,
                        List.of("model_auc_click", "items_read"),
                        List.of(new LossRecovery.Pair("lost", "kept"))),
                spec.lossRecovery());
        assertEquals(4, Grid.expand(spec, "loss.yaml").size());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{tick: 0, metrics: [m], pairs: [{treated: b, control: a}]} | $.loss_recovery.tick",
                "{metrics: [m], pairs: [{treated: b, control: a}]} | $.loss_recovery.tick",
                "{tick: 2, end_ticks: -1, metrics: [m], pairs: [{treated: b, control: a}]}"
                        + " | $.loss_recovery.end_ticks",
                "{tick: 2, metrics: [], pairs: [{treated: b, control: a}]}"
                        + " | $.loss_recovery.metrics",
                "{tick: 2, metrics: [m], pairs: [{treated: b, control: z}]}"
                        + " | $.loss_recovery.pairs[0].control",
                "{tick: 2, metrics: [m], pairs: [{treated: b, control: b}]}"
                        + " | $.loss_recovery.pairs[0].control",
                "{tick: 2, metrics: [m], pairs: [{treated: b}]} | $.loss_recovery.pairs[0].control",
                "{tick: 2, metrics: [m], pairs: []} | $.loss_recovery.pairs",
                "{tick: 2, at: 3, metrics: [m], pairs: [{treated: b, control: a}]}"
                        + " | $.loss_recovery.at"
            })
    void badLossRecoveriesNameTheField(String block, String path) throws Exception {
        Path f =
                write(
                        "name: exp\nscenario: base.yaml\nseeds: [1]\narms: [{name: a}, {name:"
                                + " b}]\nloss_recovery: "
                                + block
                                + "\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentLoader.load(f));
        assertTrue(e.getMessage().contains(path + ":"), e.getMessage());
    }

    @Test
    void aMissingBaseScenarioIsNamed() throws Exception {
        Path f = write("name: exp\nscenario: nowhere.yaml\nseeds: [1]\narms: [{name: a}]\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentLoader.load(f));
        assertTrue(e.getMessage().contains("$.scenario"), e.getMessage());
    }

    @Test
    void theShippedExperimentsLoadAndExpand() throws Exception {
        try (var files = Files.list(Path.of("..", "experiments"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                ExperimentSpec spec = ExperimentLoader.load(f);
                assertTrue(Grid.expand(spec, f.toString()).size() >= 2, f.toString());
            }
        }
    }
}
