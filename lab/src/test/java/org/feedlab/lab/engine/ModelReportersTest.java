package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.simulator.CascadeCounts;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Exposure;
import org.feedlab.simulator.FollowCounts;
import org.feedlab.simulator.metrics.Reporter;
import org.feedlab.simulator.metrics.SegmentView;
import org.junit.jupiter.api.Test;

/** The model-quality reporters on a segment written by hand, against hand-computed numbers. */
class ModelReportersTest {
    private static final double EPS = 1e-12;

    private static int actions(Action... as) {
        int bits = 0;
        for (Action a : as) {
            bits = Impression.with(bits, a);
        }
        return bits;
    }

    /** An item with a click prediction only, or no prediction at all (NaN). */
    private static Exposure exposure(long postId, int actions, double predictedClick) {
        Content c =
                new Content(
                        postId,
                        0,
                        3,
                        2,
                        0.0,
                        0,
                        0.0,
                        0.5,
                        false,
                        new double[0],
                        -1,
                        postId,
                        0,
                        new double[0]);
        double[] predictions =
                Double.isNaN(predictedClick) ? new double[0] : new double[] {predictedClick};
        return new Exposure(0, c, false, actions, predictions, 0.5, 1.0, false, 0);
    }

    /**
     * Six examined items; item 5 has no prediction. Clicked: items 1, 5 and 6. Scored predictions
     * 0.9, 0.95, 0.3, 0.6, 0.65 with clicks on 0.9 and 0.65.
     */
    private static SegmentView segment(int modelVersion, List<Exposure> exposures) {
        return new SegmentView(
                "all",
                0,
                3,
                1,
                List.of(),
                exposures,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                modelVersion,
                FollowCounts.NONE,
                CascadeCounts.NONE,
                new int[0],
                List.of());
    }

    private static final List<Exposure> SCORED =
            List.of(
                    exposure(1, actions(Action.CLICK, Action.COMMENT), 0.9),
                    exposure(2, actions(Action.LIKE), 0.95),
                    exposure(3, actions(Action.HIDE), 0.3),
                    exposure(4, 0, 0.6),
                    exposure(5, actions(Action.CLICK, Action.LIKE), Double.NaN),
                    exposure(6, actions(Action.CLICK), 0.65));

    private static Map<String, Double> report(Reporter reporter, SegmentView segment) {
        Map<String, Double> out = new LinkedHashMap<>();
        reporter.report(segment, out::put);
        return out;
    }

    @Test
    void versionIsTheVersionNumberAndZeroBeforeTheFirstModel() {
        assertEquals(
                Map.of("model_version", 7.0), report(ModelReporters.VERSION, segment(7, SCORED)));
        assertEquals(
                Map.of("model_version", 0.0),
                report(ModelReporters.VERSION, segment(ModelVersion.NONE, SCORED)));
    }

    @Test
    void clickAucUsesOnlyScoredItems() {
        // Positives 0.9 and 0.65 each beat the negatives 0.3 and 0.6 but not 0.95: 4 of 6 pairs.
        assertEquals(
                4.0 / 6,
                report(ModelReporters.auc(Action.CLICK), segment(7, SCORED)).get("model_auc_click"),
                EPS);
    }

    @Test
    void aucHeadsComeInTheOrderGiven() {
        Map<String, Double> rows =
                report(
                        ModelReporters.auc(Action.LIKE, Action.CLICK, Action.HIDE),
                        segment(7, SCORED));
        assertEquals(
                List.of("model_auc_like", "model_auc_click", "model_auc_hide"),
                List.copyOf(rows.keySet()));
        // Only the click head is predicted: the others have no scored item.
        assertTrue(rows.get("model_auc_like").isNaN());
    }

    @Test
    void logLossAndCalibrationUseOnlyScoredItems() {
        Map<String, Double> rows = report(ModelReporters.LOSS_AND_CALIBRATION, segment(7, SCORED));
        assertEquals(2 * Action.values().length, rows.size());
        assertEquals(
                List.of("model_log_loss_click", "model_calibration_click", "model_log_loss_like"),
                List.copyOf(rows.keySet()).subList(0, 3));
        // Scored items predict 0.9, 0.95, 0.3, 0.6, 0.65; clicked: the first and the last.
        double expectedLoss =
                -(Math.log(0.9) + Math.log(0.05) + Math.log(0.7) + Math.log(0.4) + Math.log(0.65))
                        / 5;
        assertEquals(expectedLoss, rows.get("model_log_loss_click"), EPS);
        assertEquals((0.9 + 0.95 + 0.3 + 0.6 + 0.65) / 2, rows.get("model_calibration_click"), EPS);
        assertTrue(rows.get("model_log_loss_like").isNaN());
        assertTrue(rows.get("model_calibration_like").isNaN());
    }

    @Test
    void everyHeadIsUndefinedBeforeAModel() {
        List<Exposure> unscored =
                List.of(exposure(1, actions(Action.CLICK), Double.NaN), exposure(2, 0, Double.NaN));
        SegmentView before = segment(ModelVersion.NONE, unscored);
        report(ModelReporters.auc(Action.values()), before)
                .values()
                .forEach(v -> assertTrue(v.isNaN()));
        report(ModelReporters.LOSS_AND_CALIBRATION, before)
                .values()
                .forEach(v -> assertTrue(v.isNaN()));
    }
}
