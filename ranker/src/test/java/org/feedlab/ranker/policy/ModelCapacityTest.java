package org.feedlab.ranker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.feedlab.ranker.ModelConfig;
import org.feedlab.ranker.ModelResolution;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;
import org.feedlab.ranker.training.OnlineTrainer;
import org.junit.jupiter.api.Test;

class ModelCapacityTest {
    private static ModelCapacity capacity(double budgetMs, int candidates, double flops) {
        return new ModelCapacity(budgetMs, candidates, flops);
    }

    private static RankerConfig config(FeedPolicy... policies) {
        return RankerConfig.DEFAULTS.withPolicies(List.of(policies));
    }

    private static List<Integer> chosen(double budgetMs, int candidates, double flops) {
        return ModelResolution.of(config(capacity(budgetMs, candidates, flops)))
                .model()
                .hiddenSizes();
    }

    @Test
    void aLargerBudgetOrFasterHardwareGivesALargerModel() {
        long previous = 0;
        for (double budget : new double[] {0.3, 0.5, 1, 2, 5, 10, 50, 200}) {
            long flops = ModelCapacity.flopsPerCandidate(chosen(budget, 500, 4.6e9));
            assertTrue(flops >= previous, budget + " ms: " + flops + " < " + previous);
            previous = flops;
        }
        assertTrue(
                ModelCapacity.flopsPerCandidate(chosen(10, 500, 4.6e9))
                        > ModelCapacity.flopsPerCandidate(chosen(1, 500, 4.6e9)));
        assertTrue(
                ModelCapacity.flopsPerCandidate(chosen(1, 500, 5e10))
                        > ModelCapacity.flopsPerCandidate(chosen(1, 500, 4.6e9)));
        assertTrue(
                ModelCapacity.flopsPerCandidate(chosen(1, 100, 4.6e9))
                        > ModelCapacity.flopsPerCandidate(chosen(1, 1000, 4.6e9)));
    }

    @Test
    void theChosenModelFitsTheBudgetAndTheNextRungDoesNot() {
        List<List<Integer>> ladder = ModelCapacity.LADDER;
        for (double budget : new double[] {0.8, 1, 3, 20, 100, 1000}) {
            for (double speed : new double[] {1e9, 4.6e9, 5e10}) {
                List<Integer> hidden = chosen(budget, 300, speed);
                double ms = ModelCapacity.flopsPerCandidate(hidden) * 300 / speed * 1000;
                assertTrue(ms <= budget, hidden + " takes " + ms + " ms > " + budget);
                int rung = ladder.indexOf(hidden);
                assertTrue(rung >= 0, hidden + " is not on the ladder");
                if (rung + 1 < ladder.size()) {
                    double next =
                            ModelCapacity.flopsPerCandidate(ladder.get(rung + 1))
                                    * 300
                                    / speed
                                    * 1000;
                    assertTrue(
                            next > budget, ladder.get(rung + 1) + " would fit " + budget + " ms");
                }
            }
        }
    }

    @Test
    void withoutThePolicyTheDeclaredSizesStay() {
        ModelResolution r = ModelResolution.of(config());
        assertEquals(ModelConfig.DEFAULTS.hiddenSizes(), r.model().hiddenSizes());
        assertEquals(ModelResolution.DECLARED_HIDDEN_SIZES, r.hiddenSizesFrom());
    }

    @Test
    void withSeveralBudgetsTheCheapestChoiceDecidesAndTheResolutionSaysWhich() {
        ModelResolution r =
                ModelResolution.of(
                        config(
                                capacity(10, 300, 4.6e9),
                                new Transparency(MainParameters.FILE),
                                capacity(1, 300, 4.6e9)));
        assertEquals(List.of(64, 32), r.model().hiddenSizes());
        assertEquals("$.ranker.policies[2] (model-capacity)", r.hiddenSizesFrom());
        assertEquals(List.of(256, 128), chosen(10, 300, 4.6e9));
    }

    @Test
    void theTrainerBuildsTheChosenModelWhoseCostIsTheScorersOwnCount() {
        RankerConfig cfg = config(capacity(1, 300, 4.6e9));
        ModelConfig model = ModelResolution.of(cfg).model();
        List<Integer> hidden = model.hiddenSizes();
        assertTrue(!hidden.equals(ModelConfig.DEFAULTS.hiddenSizes()), hidden.toString());
        OnlineTrainer trainer = new OnlineTrainer(cfg.training(), model, Map.of(), 42);
        trainer.add(0, examples(1));
        trainer.add(1, examples(2));
        TrainedModel m = trainer.maybeTrain(2);
        assertNotNull(m);
        WideDeepScorer scorer = (WideDeepScorer) m.scorer();
        int[] built = scorer.hiddenSizes();
        assertEquals(hidden, Arrays.stream(built).boxed().toList());
        // The policy's count and the serving scorer's own count agree for any sparsity.
        for (int nonZero : new int[] {1, 7, ModelCapacity.nonZeroSlots()}) {
            assertEquals(
                    scorer.flopsPerCandidate(nonZero),
                    ModelCapacity.flopsPerCandidate(nonZero, built, Heads.COUNT));
        }
        assertEquals(Heads.COUNT, scorer.headNames().size());
    }

    @Test
    void anImpossibleBudgetIsRejectedWithItsField() {
        PolicyException e =
                assertThrows(
                        PolicyException.class,
                        () ->
                                ModelResolution.of(
                                        config(
                                                new Transparency(MainParameters.FILE),
                                                capacity(0.01, 500, 1e9))));
        assertEquals("$.ranker.policies[1].latency_budget_ms", e.path());
        assertTrue(e.expected().startsWith("a budget of at least 1.32 ms:"), e.expected());
        assertEquals("0.01", e.got());
    }

    @Test
    void theLinearModelCannotBeSized() {
        PolicyException e =
                assertThrows(
                        PolicyException.class,
                        () ->
                                ModelResolution.of(
                                        config(capacity(1, 300, 4.6e9))
                                                .withModel(
                                                        ModelConfig.DEFAULTS.withKind(
                                                                ModelConfig.Kind.LINEAR))));
        assertEquals("$.ranker.model", e.path());
    }

    @Test
    void theStatementSaysWhichModelTheBudgetBought() {
        String s = MainParameters.statement("demo", config(capacity(1, 300, 4.6e9)));
        assertTrue(s.contains("hidden layers [64, 32]"), s);
    }

    private static List<TrainingExample> examples(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float[] x = new float[Feature.count()];
            x[Feature.OUTRAGE_SCORE.ordinal()] = (float) rng.nextDouble();
            x[Feature.count() - 1] = 1f;
            out.add(new TrainingExample(x, rng.nextDouble() < x[0] ? 1 : 0));
        }
        return out;
    }
}
