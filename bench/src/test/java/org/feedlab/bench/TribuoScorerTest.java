package org.feedlab.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.model.Evaluation;
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
}
