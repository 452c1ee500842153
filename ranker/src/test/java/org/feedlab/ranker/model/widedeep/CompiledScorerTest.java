package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureMask;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

/**
 * The compiled scorer against Tribuo's own prediction on the ranker's real feature vector: hashed
 * ids (user, author, the history's authors, summed when they share a bucket), one-hot fields and
 * numeric slots, with and without withheld groups, heads in another order than the model's.
 */
class CompiledScorerTest {

    @Test
    void compiledScoresAreTribuosOnTheRankersFeatures() {
        ServingFixture fixture = new ServingFixture(11);
        List<TrainingExample> train = fixture.examples(300);
        List<TrainingExample> test = fixture.examples(30);
        List<String> all = Feature.names();
        int[] every = Datasets.allColumns(all.size());
        assertMatchesTribuo(learner(every).train(train, 1, null), every, test);
        // Without the user id, the authors' ids and the crosses: their slots get no weight, and
        // the author id's slot holds a bucket number the scorer must not read as a value.
        FeatureMask mask = FeatureMask.ofNames(List.of("user_id", "author_id", "crosses"));
        int[] kept = WideDeepLearner.columns(all, mask.names());
        TrainedModel masked = learner(kept).train(train, 1, null);
        assertMatchesTribuo(masked, kept, test);
        WideDeepScorer scorer = (WideDeepScorer) masked.scorer();
        float[] x = test.get(0).features().clone();
        double[] before = new double[Heads.COUNT];
        scorer.predict(x, before);
        x[FeatureSpace.USER_ID.offset()] = 17;
        x[FeatureSpace.AUTHOR_ID.offset()] = 3000;
        x[Feature.SAME_SIDE.ordinal()] = 1 - x[Feature.SAME_SIDE.ordinal()];
        double[] after = new double[Heads.COUNT];
        scorer.predict(x, after);
        for (int h = 0; h < Heads.COUNT; h++) {
            assertEquals(before[h], after[h], 0.0);
        }
    }

    @Test
    void aHeadTheModelLacksIsRefused() {
        TrainedModel m = WideDeepTest.wideDeep(WideDeepTest.data(200, 3), 5, null);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                WideDeepScorer.compile(
                                        (WideDeepModel) m.tribuoModel(),
                                        WideDeepTest.FEATURES,
                                        List.of("linear", "survey")));
        assertEquals("model has no output for head 'survey'", e.getMessage());
    }

    private static WideDeepLearner learner(int[] columns) {
        // Heads in reverse: the scorer's head order is not the model's output order.
        List<String> heads = new ArrayList<>(Heads.names());
        java.util.Collections.reverse(heads);
        return new WideDeepLearner(
                Feature.names(), columns, heads, 1, 0.05, 16, 4, List.of(8, 4), 7);
    }

    private static void assertMatchesTribuo(
            TrainedModel m, int[] columns, List<TrainingExample> test) {
        WideDeepModel model = (WideDeepModel) m.tribuoModel();
        WideDeepScorer scorer = (WideDeepScorer) m.scorer();
        List<String> heads = scorer.headNames();
        String[] names = new String[columns.length];
        for (int j = 0; j < columns.length; j++) {
            names[j] = Feature.names().get(columns[j]);
        }
        double[] p = new double[heads.size()];
        int hashed = 0;
        for (TrainingExample e : test) {
            float[] x = e.features();
            hashed += x[FeatureSpace.AUTHOR_ID.offset()] != 0 ? 1 : 0;
            scorer.predict(x, p);
            Prediction<MultiLabel> pred =
                    model.predict(
                            Datasets.example(
                                    new MultiLabelFactory().getUnknownOutput(),
                                    x,
                                    0,
                                    names,
                                    columns,
                                    "test row"));
            for (int h = 0; h < heads.size(); h++) {
                double tribuo =
                        pred.getOutputScores()
                                .get(heads.get(h))
                                .getLabelScore(new Label(heads.get(h)))
                                .orElseThrow();
                assertEquals(tribuo, p[h], 1e-5, "head " + heads.get(h));
            }
        }
        assertEquals(test.size(), hashed);
    }
}
