package org.feedlab.ranker.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.ranker.ModelConfig;
import org.feedlab.ranker.TrainingConfig;
import org.feedlab.ranker.features.Feature;
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
                new OnlineTrainer(TrainingConfig.DEFAULTS, ModelConfig.DEFAULTS, 42);
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
        OnlineTrainer trainer = new OnlineTrainer(logOnly, ModelConfig.DEFAULTS, 42);
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
                        logOnly.withMode(TrainingConfig.Mode.TRAIN), ModelConfig.DEFAULTS, 42);
        for (int t = 0; t < 6; t++) {
            training.add(t, examples(t));
            training.maybeTrain(t + 1);
        }
        assertNotNull(training.current());
        assertEquals(2 * 400, training.windowExamples(0, 6).size());
    }

    @Test
    void tamperedModelIsRefusedAndThePreviousKeepsServing() {
        OnlineTrainer trainer =
                new OnlineTrainer(TrainingConfig.DEFAULTS, ModelConfig.DEFAULTS, 42);
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
