package org.feedlab.ranker.model.widedeep;

import java.io.Serializable;
import java.util.Arrays;
import org.feedlab.ranker.model.Standardiser;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.multilabel.MultiLabel;

/**
 * How the deep part standardises its numeric inputs: a<sub>i</sub> = (x<sub>i</sub> −
 * shift<sub>i</sub>) · scale<sub>i</sub>, with the mean and 1 / standard deviation of the training
 * window the network was initialised on. Part of the model, so the Tribuo model and the compiled
 * scorer apply the same transform (the scorer folds it into its first layer).
 *
 * <p>Why: counters such as post age, log impressions or log sessions reach tens, and an unscaled
 * input of that size lets one full-size AdaGrad step push a ReLU unit's pre-activation negative for
 * every example, after which the unit never learns again. In the closed loop every retraining
 * starts a fresh AdaGrad, so the deep part lost units at every version. The transform is fitted
 * once, when a network is created, and kept on warm starts so that the warm-started weights keep
 * their meaning. The deviation follows {@link Standardiser#inverseDeviation}'s rule.
 *
 * @param shift per numeric input (in {@link Layout#numericIds()} order), the value mapped to 0
 * @param scale per numeric input, the factor applied after the shift
 */
record InputScale(double[] shift, double[] scale) implements Serializable {

    /**
     * Means and inverse standard deviations of the layout's numeric inputs over a dataset (absent
     * features count as zeros, as Tribuo's sparse examples mean). A constant input is centred and
     * left unscaled.
     */
    static InputScale fit(Dataset<MultiLabel> data, Layout layout) {
        int[] ids = layout.numericIds();
        int[] position = new int[layout.features()];
        Arrays.fill(position, -1);
        for (int i = 0; i < ids.length; i++) {
            position[ids[i]] = i;
        }
        ImmutableFeatureMap map = data.getFeatureIDMap();
        double[] sum = new double[ids.length];
        double[] sumSq = new double[ids.length];
        long n = 0;
        for (Example<MultiLabel> e : data) {
            n++;
            for (Feature f : e) {
                int id = map.getID(f.getName());
                if (id >= 0 && position[id] >= 0) {
                    double v = f.getValue();
                    sum[position[id]] += v;
                    sumSq[position[id]] += v * v;
                }
            }
        }
        double[] shift = new double[ids.length];
        double[] scale = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            shift[i] = n == 0 ? 0.0 : sum[i] / n;
            scale[i] = n == 0 ? 1.0 : Standardiser.inverseDeviation(sum[i], sumSq[i], n);
        }
        return new InputScale(shift, scale);
    }

    /** The standardised value of numeric input i. */
    double apply(int i, double x) {
        return (x - shift[i]) * scale[i];
    }
}
