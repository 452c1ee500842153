package org.feedlab.lab.engine;

import java.util.List;
import org.feedlab.events.Action;
import org.feedlab.ranker.model.Evaluation;
import org.feedlab.simulator.Exposure;
import org.feedlab.simulator.metrics.Reporter;
import org.feedlab.simulator.metrics.SegmentView;

/**
 * The platform's model quality as reporters: which model version ranked the tick's feeds, and per
 * action head the AUC, log loss and calibration of its predictions against what the segment's
 * readers did. These are platform measures, so they live in the lab, and their formulas are the
 * ranker's held-out evaluation ({@link Evaluation}). The model that ranked tick t was trained only
 * on ticks before t, so each is an evaluation on unseen data.
 */
public final class ModelReporters {
    private ModelReporters() {}

    /**
     * {@code model_version}: the version that ranked the tick's feeds; 0 before the first model.
     */
    public static final Reporter VERSION = Reporter.of("model_version", s -> s.modelVersion());

    /** {@code model_log_loss_<head>} and {@code model_calibration_<head>} for every head. */
    public static final Reporter LOSS_AND_CALIBRATION =
            (s, out) -> {
                for (Action head : Action.values()) {
                    HeadOutcomes o = HeadOutcomes.of(s, head);
                    out.add(
                            "model_log_loss_" + head.key(),
                            Evaluation.logLoss(o.predicted(), o.observed()));
                    out.add(
                            "model_calibration_" + head.key(),
                            Evaluation.expectedOverObserved(o.predicted(), o.observed()));
                }
            };

    /** {@code model_auc_<head>} for each of {@code heads}, in the order given. */
    public static Reporter auc(Action... heads) {
        List<Action> list = List.of(heads);
        return (s, out) -> {
            for (Action head : list) {
                HeadOutcomes o = HeadOutcomes.of(s, head);
                out.add("model_auc_" + head.key(), Evaluation.auc(o.predicted(), o.observed()));
            }
        };
    }

    /**
     * One head's predictions and what happened, over the segment's exposures that carry a
     * prediction for it: heads are read in {@link Action} order from the start of the prediction
     * array, and feeds ranked before the first model carry none.
     */
    private record HeadOutcomes(double[] predicted, boolean[] observed) {
        static HeadOutcomes of(SegmentView s, Action head) {
            int h = head.ordinal();
            List<Exposure> scored =
                    s.exposures().stream().filter(e -> e.predictions().length > h).toList();
            double[] predicted = new double[scored.size()];
            boolean[] observed = new boolean[scored.size()];
            for (int i = 0; i < predicted.length; i++) {
                Exposure e = scored.get(i);
                predicted[i] = e.predictions()[h];
                observed[i] = (e.actions() & (1 << h)) != 0;
            }
            return new HeadOutcomes(predicted, observed);
        }
    }
}
