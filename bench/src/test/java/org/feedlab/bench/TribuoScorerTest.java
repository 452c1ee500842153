package org.feedlab.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.model.Evaluation;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.model.Standardiser;
import org.feedlab.ranker.model.TrainingExample;
import org.junit.jupiter.api.Test;

/** Tribuo's FM baseline seen through the scorer interface, as {@code bench models} uses it. */
class TribuoScorerTest {

    /** Examples whose click label follows the first numeric slot, which has a large scale. */
    private static List<TrainingExample> examples(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[Feature.count()];
            x[0] = (float) (rng.nextDouble() * 100.0);
            x[FeatureSpace.POST_TOPIC.offset() + rng.nextInt(4)] = 1f;
            boolean click = rng.nextDouble() < (x[0] > 50 ? 0.8 : 0.2);
            out.add(new TrainingExample(x, click ? 1 : 0));
        }
        return out;
    }

    @Test
    void fmBaselineGivesFiniteProbabilitiesThatRankItsSignal() {
        List<TrainingExample> train = examples(400, 1);
        List<TrainingExample> test = examples(200, 2);
        Standardiser scale = Standardiser.fit(train);
        Scorer fm =
                ModelComparison.train(
                        "fm",
                        scale.apply(train),
                        Feature.names(),
                        RankerConfig.DEFAULTS,
                        3,
                        0.05,
                        7);
        Evaluation.HeadScore click = Evaluation.score(fm, scale.apply(test))[0];
        assertTrue(Double.isFinite(click.logLoss()), "log loss " + click.logLoss());
        assertTrue(click.auc() > 0.7, "AUC " + click.auc());
    }

    /**
     * Tribuo's models cannot mask a head, so a baseline's return head comes from a model of the
     * sessions' last impressions, the same target as the wide&amp;deep head's. Sessions of 2 to 8
     * impressions: each impression the session went on after says the user came back, and the user
     * of a session that ended comes back a fifth of the time. The baselines' return head predicts
     * about 0.2, not the 0.84 of all impressions; their continuation head about 0.8.
     */
    @Test
    void baselinesLearnTheReturnHeadWhereSessionsEnded() {
        SplittableRandom rng = new SplittableRandom(4);
        List<TrainingExample> all = examples(2000, 3);
        List<TrainingExample> train = new ArrayList<>();
        while (train.size() < all.size()) {
            int length = Math.min(2 + rng.nextInt(7), all.size() - train.size());
            boolean returned = rng.nextDouble() < 0.2;
            for (int i = 0; i < length; i++) {
                boolean ended = i == length - 1;
                int labels =
                        ended
                                ? returned ? 1 << Heads.RETURN : 0
                                : 1 << Heads.RETURN | 1 << Heads.CONTINUATION;
                train.add(new TrainingExample(all.get(train.size()).features(), labels));
            }
        }
        Standardiser scale = Standardiser.fit(train);
        List<TrainingExample> test = scale.apply(examples(200, 5));
        for (String model : List.of("linear", "fm")) {
            Scorer baseline =
                    ModelComparison.train(
                            model,
                            scale.apply(train),
                            Feature.names(),
                            RankerConfig.DEFAULTS,
                            3,
                            0.05,
                            7);
            double[] p = new double[baseline.heads()];
            double sum = 0.0;
            double continuation = 0.0;
            for (TrainingExample e : test) {
                baseline.predict(e.features(), p);
                sum += p[Heads.RETURN];
                continuation += p[Heads.CONTINUATION];
            }
            double mean = sum / test.size();
            assertTrue(mean > 0.12 && mean < 0.28, model + ": mean predicted return " + mean);
            // The other heads come from the model of every impression.
            double meanContinuation = continuation / test.size();
            assertTrue(
                    meanContinuation > 0.7 && meanContinuation < 0.88,
                    model + ": mean predicted continuation " + meanContinuation);
        }
    }
}
