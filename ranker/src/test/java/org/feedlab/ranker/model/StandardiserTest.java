package org.feedlab.ranker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureSpace;
import org.junit.jupiter.api.Test;

class StandardiserTest {

    /** Examples whose first numeric slot runs over 0 … 100, each with one topic slot set. */
    private static List<TrainingExample> examples(int n) {
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[Feature.count()];
            x[0] = (i * 37) % 101;
            x[FeatureSpace.POST_TOPIC.offset() + i % 4] = 1f;
            out.add(new TrainingExample(x, 0));
        }
        return out;
    }

    @Test
    void standardiserCentresAndScalesNumericSlotsOnly() {
        List<TrainingExample> train = examples(500);
        List<TrainingExample> z = Standardiser.fit(train).apply(train);
        double sum = 0;
        double sumSq = 0;
        for (TrainingExample e : z) {
            sum += e.features()[0];
            sumSq += e.features()[0] * e.features()[0];
        }
        assertEquals(0.0, sum / z.size(), 1e-4);
        assertEquals(1.0, sumSq / z.size(), 1e-3);
        for (int i = 0; i < z.size(); i++) {
            for (int k = 0; k < FeatureSpace.POST_TOPIC.width(); k++) {
                int slot = FeatureSpace.POST_TOPIC.offset() + k;
                assertEquals(train.get(i).features()[slot], z.get(i).features()[slot]);
            }
        }
    }
}
