package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.TickMetrics;
import org.junit.jupiter.api.Test;

/** Checks the tick reporters on a tiny society and a readout written by hand. */
class TickMetricsTest {
    private static final double EPS = 1e-12;

    private static SocietyConfig tiny() {
        SocietyConfig d = SocietyConfig.defaults();
        return new SocietyConfig(
                5,
                3,
                2,
                2,
                d.homophily(),
                d.activity(),
                d.postRate(),
                10,
                d.ideologySpread(),
                d.outrageAppetite(),
                d.outgroupBoost(),
                d.angerPerOutrage(),
                d.angerDecay(),
                d.angerTolerance(),
                d.latitude(),
                d.assimilation(),
                d.repulsion(),
                d.thermometerDrop(),
                d.thermometerGain(),
                d.creatorOutrage(),
                d.classifierNoise(),
                d.ideologyDims(),
                d.youngShare(),
                d.youngSusceptibility(),
                d.youngActivity(),
                d.sessionBudget(),
                d.boredom(),
                d.surveyRate(),
                d.statedQuality(),
                d.statedCalm(),
                d.statedVariety(),
                d.satisfactionMemory(),
                d.returnSensitivity(),
                d.satisfactionReference(),
                d.churnThreshold(),
                d.churnPatience(),
                d.creatorLearning(),
                d.creatorLearningRate(),
                d.creatorNormPull(),
                d.userFollowsPerUser(),
                d.followRate(),
                d.unfollowRate(),
                d.arousalPull(),
                d.absorption(),
                d.habitWeight(),
                d.habitReference());
    }

    private static int actions(Action... as) {
        int bits = 0;
        for (Action a : as) {
            bits = Impression.with(bits, a);
        }
        return bits;
    }

    private static Exposure exposure(
            int user,
            long postId,
            double outrage,
            boolean outgroup,
            int actions,
            double predicted) {
        Content c = new Content(postId, 0, 3, 0, outgroup ? -0.5 : 0.5, outrage, outrage / 2, 0.5);
        return new Exposure(user, c, outgroup, actions, predicted);
    }

    /**
     * Six examined items. Outrage above 0.5: items 1, 3 and 5 (item 4 sits on the threshold).
     * Out-group: items 1, 3, 4 and 6. Positive engagement: items 1, 2, 5 and 6, of which 1 and 5
     * are outrage. Click AUC over the scored items (5 has no prediction): positives 0.9 and 0.65
     * each beat the negatives 0.3 and 0.6 but not 0.95, so 4 of 6 pairs.
     */
    private static TickReadout readout() {
        List<Exposure> exposures =
                List.of(
                        exposure(0, 1, 0.8, true, actions(Action.CLICK, Action.COMMENT), 0.9),
                        exposure(0, 2, 0.2, false, actions(Action.LIKE), 0.95),
                        exposure(1, 3, 0.6, true, actions(Action.HIDE), 0.3),
                        exposure(1, 4, 0.5, true, 0, 0.6),
                        exposure(
                                2,
                                5,
                                0.9,
                                false,
                                actions(Action.CLICK, Action.LIKE, Action.RESHARE),
                                Double.NaN),
                        exposure(2, 6, 0.1, true, actions(Action.CLICK), 0.65));
        List<Content> newPosts =
                List.of(
                        new Content(7, 0, 3, 0, 0.1, 0.3, 0.1, 0.5),
                        new Content(8, 1, 3, 0, -0.1, 0.6, 0.3, 0.5));
        return new TickReadout(3, 3, 1, List.of(), exposures, newPosts, "v0007");
    }

    private static double value(List<Measurement> rows, String metric) {
        return rows.stream()
                .filter(m -> m.metric().equals(metric) && m.segment().equals("all"))
                .mapToDouble(Measurement::value)
                .reduce(
                        (a, b) -> {
                            throw new AssertionError("duplicate metric " + metric);
                        })
                .orElseThrow(() -> new AssertionError("missing metric " + metric));
    }

    @Test
    void exposureSharesMatchHandCounts() {
        List<Measurement> rows = TickMetrics.measure(Society.create(tiny(), 1), readout());
        assertEquals(3.0 / 6, value(rows, "outrage_exposure_share"), EPS);
        assertEquals(4.0 / 6, value(rows, "cross_cutting_share"), EPS);
        assertEquals(2.0 / 6, value(rows, "like_minded_share"), EPS);
        assertEquals(
                (0.8 + 0.2 + 0.6 + 0.5 + 0.9 + 0.1) / 6,
                value(rows, "outrage_impression_mean"),
                EPS);
        assertEquals(2.0 / 4, value(rows, "outrage_engagement_share"), EPS);
        assertEquals((0.3 + 0.6) / 2, value(rows, "outrage_production_mean"), EPS);
    }

    @Test
    void engagementCountsMatchHandCounts() {
        List<Measurement> rows = TickMetrics.measure(Society.create(tiny(), 1), readout());
        assertEquals(3, value(rows, "engagements_click"));
        assertEquals(2, value(rows, "engagements_like"));
        assertEquals(1, value(rows, "engagements_reshare"));
        assertEquals(1, value(rows, "engagements_comment"));
        assertEquals(1, value(rows, "engagements_hide"));
        assertEquals(6, value(rows, "items_read"));
        assertEquals(3, value(rows, "sessions"));
        assertEquals(1, value(rows, "anger_exits"));
        assertEquals(7, value(rows, "model_version"));
    }

    @Test
    void clickAucUsesOnlyScoredItems() {
        List<Measurement> rows = TickMetrics.measure(Society.create(tiny(), 1), readout());
        assertEquals(4.0 / 6, value(rows, "model_auc_click"), EPS);
    }

    @Test
    void clickLogLossAndCalibrationUseOnlyScoredItems() {
        List<Measurement> rows = TickMetrics.measure(Society.create(tiny(), 1), readout());
        // Scored items 1, 2, 3, 4 and 6 predict 0.9, 0.95, 0.3, 0.6, 0.65; clicked: 1 and 6.
        double expectedLoss =
                -(Math.log(0.9) + Math.log(0.05) + Math.log(0.7) + Math.log(0.4) + Math.log(0.65))
                        / 5;
        assertEquals(expectedLoss, value(rows, "model_log_loss_click"), EPS);
        assertEquals(
                (0.9 + 0.95 + 0.3 + 0.6 + 0.65) / 2, value(rows, "model_calibration_click"), EPS);
        // The fixture predicts the click head only: other heads have no scored items.
        assertTrue(Double.isNaN(value(rows, "model_log_loss_like")));
        assertTrue(Double.isNaN(value(rows, "model_calibration_like")));
    }

    @Test
    void clickAucIsUndefinedBeforeAModel() {
        List<Exposure> unscored =
                List.of(
                        exposure(0, 1, 0.8, true, actions(Action.CLICK), Double.NaN),
                        exposure(0, 2, 0.2, false, 0, Double.NaN));
        TickReadout r = new TickReadout(0, 1, 0, List.of(), unscored, List.of(), "none");
        List<Measurement> rows = TickMetrics.measure(Society.create(tiny(), 1), r);
        assertTrue(Double.isNaN(value(rows, "model_auc_click")));
        assertTrue(Double.isNaN(value(rows, "outrage_production_mean")));
        assertEquals(0, value(rows, "model_version"));
    }

    @Test
    void populationMetricsReadTheUsersState() {
        Society s = Society.create(tiny(), 1);
        double thermo = 0;
        double extremity = 0;
        for (User u : s.users()) {
            thermo += u.thermometer;
            extremity += Math.abs(u.ideology);
        }
        List<Measurement> rows = TickMetrics.measure(s, readout());
        assertEquals(thermo / 5, value(rows, "thermometer_outgroup_mean"), 1e-9);
        assertEquals(extremity / 5, value(rows, "opinion_extremity_mean"), 1e-9);
        assertEquals("all", rows.get(0).segment());
        assertEquals(
                Set.copyOf(TickMetrics.SEGMENTS),
                rows.stream().map(Measurement::segment).collect(Collectors.toSet()));
    }
}
