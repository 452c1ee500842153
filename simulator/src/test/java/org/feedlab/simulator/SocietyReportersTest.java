package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.simulator.metrics.Reporter;
import org.feedlab.simulator.metrics.SegmentView;
import org.feedlab.simulator.metrics.SocietyReporters;
import org.junit.jupiter.api.Test;

/**
 * Each society reporter on one segment written by hand, against numbers worked out by hand from the
 * fixture below.
 */
class SocietyReportersTest {
    private static final double EPS = 1e-12;

    /**
     * Three users: ideologies −0.55, 0.25, 0.75; out-group thermometers 40, 50, 60; in-group 70,
     * 80, 90; user 2 has churned.
     */
    private static List<User> users() {
        double[] x = {-0.55, 0.25, 0.75};
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            User u = new User(i, x[i], new double[2], 0.5, 1.0, 2.5, 40 + 10 * i);
            u.thermometerIn = 70 + 10 * i;
            users.add(u);
        }
        users.get(2).churned = true;
        return users;
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
            double worth,
            double dwell,
            boolean control) {
        Content c = new Content(postId, 0, 3, 0, outgroup ? -0.5 : 0.5, outrage, outrage / 2, 0.5);
        return new Exposure(user, c, outgroup, actions, new double[0], worth, dwell, control);
    }

    /**
     * Six examined items. Outrage above 0.5: items 1, 3 and 5 (item 4 sits on the threshold).
     * Out-group: items 1, 3, 4 and 6. Engaged (any action but a hide): items 1, 2, 5 and 6, of
     * which 1 and 5 are outrage and 1 and 5 are worth less than 0.5. Items 3, 4 and 6 come from the
     * control group. User 2 read post 1 again (as its item 5), so users 0 and 2 share a post.
     */
    private static List<Exposure> exposures() {
        return List.of(
                exposure(0, 1, 0.8, true, actions(Action.CLICK, Action.COMMENT), 0.2, 3, false),
                exposure(0, 2, 0.2, false, actions(Action.LIKE), 0.8, 5, false),
                exposure(1, 3, 0.6, true, actions(Action.HIDE), 0.5, 2, true),
                exposure(1, 4, 0.5, true, 0, 0.6, 4, true),
                exposure(
                        2,
                        1,
                        0.9,
                        false,
                        actions(Action.CLICK, Action.LIKE, Action.RESHARE),
                        0.4,
                        6,
                        false),
                exposure(2, 6, 0.1, true, actions(Action.CLICK), 0.9, 10, true));
    }

    private static List<Session> sessions() {
        return List.of(
                new Session(0, 2, 12.0, 0.6, StopReason.SCROLLED_AWAY, false),
                new Session(1, 2, 8.0, 0.3, StopReason.ANGER_EXIT, false),
                new Session(2, 2, 20.0, 0.9, StopReason.END_OF_FEED, true));
    }

    /** Three survey answers: yes, no, and an impression nobody asked about. */
    private static List<Impression> impressions() {
        return List.of(
                Impression.of(1, 0, 1, 3, 0, 2, 0, 3.0, 1),
                Impression.of(1, 0, 2, 3, 1, 2, 0, 5.0, 0),
                Impression.of(2, 1, 3, 3, 0, 2, 0, 2.0, Impression.NO_SURVEY));
    }

    /** Two original posts (outrage 0.3 and 0.6) and reshares of depth 1 and 2 (outrage 0.9). */
    private static List<Content> newPosts() {
        Content a = new Content(7, 0, 3, 0, 0.1, 0.3, 0.1, 0.5);
        Content b = new Content(8, 1, 3, 0, -0.1, 0.6, 0.3, 0.5);
        Content hot = new Content(9, 1, 2, 0, -0.1, 0.9, 0.3, 0.5);
        Content once = hot.reshare(10, 5, 3);
        return List.of(a, b, once, once.reshare(11, 6, 3));
    }

    private static SegmentView segment(String name) {
        return new SegmentView(
                name,
                0,
                3,
                1,
                users(),
                exposures(),
                sessions(),
                impressions(),
                newPosts(),
                List.of(new Creator(0, -0.5, 0, 0.5, 0.2), new Creator(1, 0.5, 0, 0.5, 0.4)),
                2);
    }

    private static Map<String, Double> report(Reporter reporter) {
        return report(reporter, "all");
    }

    private static Map<String, Double> report(Reporter reporter, String segment) {
        Map<String, Double> out = new LinkedHashMap<>();
        reporter.report(
                segment(segment),
                (metric, value) -> {
                    if (out.put(metric, value) != null) {
                        throw new AssertionError("duplicate metric " + metric);
                    }
                });
        return out;
    }

    @Test
    void sessionsAndItems() {
        assertEquals(
                Map.of("active_users", 3.0, "sessions", 3.0), report(SocietyReporters.SESSIONS));
        assertEquals(
                Map.of("items_read", 6.0, "impressions", 6.0), report(SocietyReporters.ITEMS_READ));
        assertEquals(Map.of("anger_exits", 1.0), report(SocietyReporters.ANGER_EXITS));
    }

    @Test
    void engagementsCountEachActionInActionOrder() {
        Map<String, Double> rows = report(SocietyReporters.ENGAGEMENTS);
        assertEquals(
                List.of(
                        "engagements_click",
                        "engagements_like",
                        "engagements_reshare",
                        "engagements_comment",
                        "engagements_hide",
                        "engagements_angry"),
                List.copyOf(rows.keySet()));
        assertEquals(List.of(3.0, 2.0, 1.0, 1.0, 1.0, 0.0), List.copyOf(rows.values()));
    }

    @Test
    void outrageExposureProductionAndEngagement() {
        Map<String, Double> exposure = report(SocietyReporters.OUTRAGE_EXPOSURE);
        assertEquals(3.0 / 6, exposure.get("outrage_exposure_share"), EPS);
        assertEquals(
                (0.8 + 0.2 + 0.6 + 0.5 + 0.9 + 0.1) / 6,
                exposure.get("outrage_impression_mean"),
                EPS);
        // Reshares copy their parent's outrage and are left out of production.
        assertEquals(
                (0.3 + 0.6) / 2,
                report(SocietyReporters.OUTRAGE_PRODUCTION).get("outrage_production_mean"),
                EPS);
        assertEquals(
                2.0 / 4,
                report(SocietyReporters.OUTRAGE_ENGAGEMENT).get("outrage_engagement_share"),
                EPS);
    }

    @Test
    void crossCuttingAndLikeMindedShares() {
        Map<String, Double> rows = report(SocietyReporters.CROSS_CUTTING);
        assertEquals(4.0 / 6, rows.get("cross_cutting_share"), EPS);
        assertEquals(2.0 / 6, rows.get("like_minded_share"), EPS);
    }

    @Test
    void opinionPolarizationOfTheFirstAxis() {
        Map<String, Double> rows = report(SocietyReporters.OPINION);
        // Mean 0.15, deviations −0.7, 0.1, 0.6.
        assertEquals((0.49 + 0.01 + 0.36) / 3, rows.get("opinion_variance"), EPS);
        assertTrue(rows.get("opinion_bimodality").isNaN(), "undefined below four users");
        // One user in each of the bins 2, 6 and 8 of width 0.2: the ordered pairs are 4, 6 and 2
        // bins apart, twice each; every π is 1/3.
        assertEquals(
                Math.pow(1.0 / 3, 2.6) * (1.0 / 3) * 0.2 * 2 * (4 + 6 + 2),
                rows.get("esteban_ray"),
                EPS);
        assertEquals((0.55 + 0.25 + 0.75) / 3, rows.get("opinion_extremity_mean"), EPS);
    }

    @Test
    void thermometersAndTheAffectiveGap() {
        assertEquals(
                50.0,
                report(SocietyReporters.OUTGROUP_THERMOMETER).get("thermometer_outgroup_mean"),
                EPS);
        Map<String, Double> rows = report(SocietyReporters.INGROUP_AFFECT);
        assertEquals(80.0, rows.get("thermometer_ingroup_mean"), EPS);
        assertEquals(30.0, rows.get("affective_gap_mean"), EPS);
    }

    @Test
    void supplySideMetricsAreForThePopulationOnly() {
        assertEquals(
                0.3,
                report(SocietyReporters.CREATOR_PROPENSITY).get("creator_outrage_propensity_mean"),
                EPS);
        assertEquals(
                Map.of("reshare_posts", 2.0, "cascade_depth_mean", 1.5, "cascade_depth_max", 2.0),
                report(SocietyReporters.CASCADES));
        for (Reporter supply :
                List.of(
                        SocietyReporters.OUTRAGE_PRODUCTION,
                        SocietyReporters.CREATOR_PROPENSITY,
                        SocietyReporters.CASCADES)) {
            assertEquals(Map.of(), report(supply, User.YOUNG));
        }
    }

    @Test
    void exposureDiversityAveragesOverReaders() {
        // Users 0 and 2 read one item in each of the stance bins 1 and 3; user 1 two in bin 1.
        Map<String, Double> rows = report(SocietyReporters.EXPOSURE_DIVERSITY);
        assertEquals(2 * Math.log(2) / 3, rows.get("exposure_entropy_mean"), EPS);
        assertEquals((0.5 + 0 + 0.5) / 3, rows.get("exposure_gini_simpson_mean"), EPS);
    }

    @Test
    void homogenizationIsTheMeanJaccardOverAllPairs() {
        // {1, 2}, {3, 4}, {1, 6}: only users 0 and 2 overlap, in 1 of 3 posts.
        assertEquals(
                (0 + 1.0 / 3 + 0) / 3,
                report(SocietyReporters.HOMOGENIZATION).get("homogenization_jaccard"),
                EPS);
    }

    @Test
    void churnSatisfactionAndTimeSpent() {
        assertEquals(Map.of("churned_users", 1.0), report(SocietyReporters.CHURN));
        assertEquals(
                (0.6 + 0.3 + 0.9) / 3,
                report(SocietyReporters.SATISFACTION).get("satisfaction_mean"),
                EPS);
        Map<String, Double> time = report(SocietyReporters.TIME_SPENT);
        assertEquals((12.0 + 8.0 + 20.0) / 3, time.get("time_spent_per_session"), EPS);
        assertEquals((3.0 + 5 + 2 + 4 + 6 + 10) / 6, time.get("dwell_mean"), EPS);
    }

    @Test
    void statedWorthAgainstEngagement() {
        assertEquals(
                2.0 / 4,
                report(SocietyReporters.ENGAGEMENT_SATISFACTION_GAP)
                        .get("engagement_satisfaction_gap"),
                EPS);
        assertEquals(1.0 / 2, report(SocietyReporters.SURVEY_WORTH).get("survey_worth_share"), EPS);
    }

    @Test
    void amplificationComparesOutrageSharesOfTheTwoArms() {
        // Treatment (items 1, 2, 5): 2 of 3 outrage; control (items 3, 4, 6): 1 of 3.
        assertEquals(
                (2.0 / 3) / (1.0 / 3),
                report(SocietyReporters.AMPLIFICATION).get("amplification_ratio"),
                EPS);
    }
}
