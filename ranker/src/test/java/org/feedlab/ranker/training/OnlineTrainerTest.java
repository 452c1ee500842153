package org.feedlab.ranker.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.feedlab.ranker.ModelConfig;
import org.feedlab.ranker.TrainingConfig;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.model.DenseLinearScorer;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;
import org.junit.jupiter.api.Test;

class OnlineTrainerTest {
    private static List<TrainingExample> examples(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            float[] x = new float[Feature.count()];
            x[Feature.OUTRAGE_SCORE.ordinal()] = (float) rng.nextDouble();
            x[Feature.count() - 1] = 1f;
            out.add(new TrainingExample(x, rng.nextDouble() < x[0] ? 1 : 0));
        }
        return out;
    }

    @Test
    void wideDeepIsTheDefaultAndCarriesEvaluation() {
        OnlineTrainer trainer =
                new OnlineTrainer(TrainingConfig.DEFAULTS, ModelConfig.DEFAULTS, Map.of(), 42);
        trainer.add(0, examples(1));
        trainer.add(1, examples(2));
        TrainedModel m = trainer.maybeTrain(2);
        assertNotNull(m);
        assertTrue(m.scorer() instanceof WideDeepScorer, m.scorer().toString());
        assertEquals(Feature.names(), m.scorer().featureNames());
        assertTrue(m.evaluation().containsKey("click.auc"), m.evaluation().toString());
        assertTrue(m.evaluation().containsKey("survey.log_loss"));
        // How far the deep part moves the held-out logits: a number, not a placeholder.
        double deep = Double.parseDouble(m.evaluation().get("click.deep_abs_logit"));
        assertTrue(Double.isFinite(deep) && deep >= 0.0, m.evaluation().toString());
    }

    @Test
    void aLogOnlyTrainerKeepsEveryTickAndNeverTrains() {
        // A window of 2 ticks and a retraining every tick: in log-only mode neither applies.
        TrainingConfig logOnly =
                TrainingConfig.DEFAULTS
                        .withMode(TrainingConfig.Mode.LOG_ONLY)
                        .withRetrainEvery(1)
                        .withBootstrapTicks(0)
                        .withWindowTicks(2);
        OnlineTrainer trainer = new OnlineTrainer(logOnly, ModelConfig.DEFAULTS, Map.of(), 42);
        for (int t = 0; t < 6; t++) {
            trainer.add(t, examples(t));
            assertNull(trainer.maybeTrain(t + 1), "tick " + (t + 1));
            assertTrue(!trainer.due(t + 1));
        }
        assertNull(trainer.current());
        assertEquals(6 * 400, trainer.windowExamples(0, 6).size());
        assertEquals(400, trainer.windowExamples(0, 1).size());
        // The same schedule in train mode slides the window and trains.
        OnlineTrainer training =
                new OnlineTrainer(
                        logOnly.withMode(TrainingConfig.Mode.TRAIN),
                        ModelConfig.DEFAULTS,
                        Map.of(),
                        42);
        for (int t = 0; t < 6; t++) {
            training.add(t, examples(t));
            training.maybeTrain(t + 1);
        }
        assertNotNull(training.current());
        assertEquals(2 * 400, training.windowExamples(0, 6).size());
    }

    /** Examples whose click follows the user's engagement rate (a slot of the user group). */
    private static List<TrainingExample> userExamples(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            float[] x = new float[Feature.count()];
            x[Feature.USER_ENGAGEMENT_RATE.ordinal()] = (float) rng.nextDouble();
            x[Feature.OUTRAGE_SCORE.ordinal()] = (float) rng.nextDouble();
            out.add(
                    new TrainingExample(
                            x, x[Feature.USER_ENGAGEMENT_RATE.ordinal()] > 0.5 ? 1 : 0));
        }
        return out;
    }

    @Test
    void aGroupWithheldFromALaterTickIsLeftOutOfEveryVersionTrainedFromThatTickOn() {
        TrainingConfig everyTick =
                TrainingConfig.DEFAULTS.withRetrainEvery(1).withBootstrapTicks(1);
        ModelConfig linear = ModelConfig.DEFAULTS.withKind(ModelConfig.Kind.LINEAR);
        OnlineTrainer trainer = new OnlineTrainer(everyTick, linear, Map.of("user", 3), 42);
        OnlineTrainer never = new OnlineTrainer(everyTick, linear, Map.of(), 42);
        int user = Feature.USER_ENGAGEMENT_RATE.ordinal();
        int outrage = Feature.OUTRAGE_SCORE.ordinal();
        for (int t = 0; t < 4; t++) {
            trainer.add(t, userExamples(t));
            never.add(t, userExamples(t));
            DenseLinearScorer m = (DenseLinearScorer) trainer.maybeTrain(t + 1).scorer();
            DenseLinearScorer kept = (DenseLinearScorer) never.maybeTrain(t + 1).scorer();
            double click = m.weight(0, user);
            // Versions 1 and 2 learn the click from the user's rate; from version 3 on the
            // slot has no weight, while the outrage slot keeps one.
            if (t + 1 < 3) {
                assertTrue(click > 0.1, "version " + (t + 1) + ": " + click);
                assertEquals(kept.weight(0, user), click, 0.0, "before the tick, as if never");
            } else {
                assertEquals(0.0, click, 0.0, "version " + (t + 1));
                assertTrue(kept.weight(0, user) > 0.1, "never withheld: version " + (t + 1));
            }
            assertTrue(m.weight(0, outrage) != 0.0, "version " + (t + 1));
        }
    }

    @Test
    void tamperedModelIsRefusedAndThePreviousKeepsServing() {
        OnlineTrainer trainer =
                new OnlineTrainer(TrainingConfig.DEFAULTS, ModelConfig.DEFAULTS, Map.of(), 42);
        trainer.add(0, examples(1));
        trainer.add(1, examples(2));
        TrainedModel first = trainer.maybeTrain(2);
        trainer.add(2, examples(3));
        trainer.add(3, examples(4));
        TrainedModel next = trainer.maybeTrain(4);
        assertSame(next, trainer.current());
        byte[] bytes = first.scorer().toBytes();
        bytes[bytes.length / 3] ^= 0x01;
        assertNull(trainer.install(first, bytes));
        assertSame(next, trainer.current());
    }
}
