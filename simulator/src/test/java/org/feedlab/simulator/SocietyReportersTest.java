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
import org.feedlab.simulator.metrics.Stats;
import org.junit.jupiter.api.Test;

/**
 * Each society reporter on one segment written by hand, against numbers worked out by hand from the
 * fixture below.
 */
class SocietyReportersTest {
    private static final double EPS = 1e-12;

    /** Two creators: 0 political (propensity 0.2), 1 not (0.9). Users are accounts 2..5. */
    private static List<Creator> creators() {
        return List.of(
                new Creator(
                        0,
                        1,
                        0.5,
                        new double[0],
                        Content.POLITICS,
                        0.5,
                        new double[8],
                        3,
                        false,
                        0.2),
                new Creator(1, 0, 0.0, new double[0], 2, 0.5, new double[8], 3, false, 0.9));
    }

    /**
     * Four users: camps −1, +1, +1, −1; ideologies −0.55, 0.25, 0.75, −0.25; out-party thermometers
     * 40, 50, 60, 30; in-party 70, 80, 90, 60; original posts 0, 3, 9, 0. User 2 churned today;
     * user 3 did not open the app. Follows: user 0 → creator 0, users 1 and 2; user 1 → creator 1,
     * user 2; user 2 → user 0; user 3 → nobody.
     */
    private static List<User> users() {
        int[] camp = {-1, 1, 1, -1};
        double[] x = {-0.55, 0.25, 0.75, -0.25};
        double[] out = {40, 50, 60, 30};
        double[] in = {70, 80, 90, 60};
        int[] posts = {0, 3, 9, 0};
        int[][] following = {{0, 3, 4}, {1, 4}, {2}, {}};
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            User u = Fixtures.user(i, camp[i], x[i]);
            u.thermometer = out[i];
            u.thermometerIn = in[i];
            u.originalPosts = posts[i];
            u.following = following[i];
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

    private static final Content POST1 = Fixtures.political(1, 0, 1, 0.5, 0.8, 0.5);
    private static final Content POST3 = Fixtures.political(3, 2, -1, -0.5, 0.6, 0.5);
    private static final Content POST4 = Fixtures.political(4, 2, -1, -0.1, 0.5, 0.5);

    private static Exposure seen(
            int user,
            Content c,
            boolean outgroup,
            int actions,
            double worth,
            double dwell,
            boolean control,
            int session) {
        return new Exposure(
                user, c, outgroup, actions, new double[0], worth, dwell, control, session);
    }

    /**
     * Six examined items. Political: 1, 3, 4, 5 (items 1 and 5 are post 1, of camp +1). Hostile
     * (above 0.5): 1, 3, 5 (item 4 sits on the threshold). Out-party: 1, 3, 4. Engaged (any action
     * but a hide): 1, 2, 5, 6, of which 1 and 5 are hostile and 1 and 5 worth less than 0.5. Item 6
     * is from an untrustworthy source. Items 3, 4 and 6 come from the control group.
     */
    private static List<Exposure> exposures() {
        return List.of(
                seen(0, POST1, true, actions(Action.CLICK, Action.COMMENT), 0.2, 3, false, 0),
                seen(
                        0,
                        Fixtures.nonPolitical(2, 1, 2, 0.5),
                        false,
                        actions(Action.LIKE),
                        0.8,
                        5,
                        false,
                        1),
                seen(1, POST3, true, actions(Action.HIDE), 0.5, 2, true, 0),
                seen(1, POST4, true, 0, 0.6, 4, true, 0),
                seen(
                        2,
                        POST1,
                        false,
                        actions(Action.CLICK, Action.LIKE, Action.RESHARE, Action.ANGRY),
                        0.4,
                        6,
                        false,
                        0),
                seen(
                        2,
                        Fixtures.untrustworthy(Fixtures.nonPolitical(6, 0, 3, 0.5)),
                        false,
                        actions(Action.CLICK),
                        0.9,
                        10,
                        true,
                        0));
    }

    private static List<Session> sessions() {
        return List.of(
                new Session(0, 0, 1, 3.0, 0.6, StopReason.SCROLLED_AWAY, false),
                new Session(0, 1, 1, 5.0, 0.5, StopReason.TIME_BUDGET, false),
                new Session(1, 0, 2, 6.0, 0.3, StopReason.ANGER_EXIT, false),
                new Session(2, 0, 2, 16.0, 0.9, StopReason.END_OF_FEED, true));
    }

    /** Three survey answers: yes, no, and an impression nobody asked about. */
    private static List<Impression> impressions() {
        return List.of(
                Impression.of(1, 0, 1, 3, 0, 2, 0, 3.0, 1, 0),
                Impression.of(1, 0, 2, 3, 1, 2, 0, 5.0, 0, 1),
                Impression.of(2, 1, 3, 3, 0, 2, 0, 2.0, Impression.NO_SURVEY, 0));
    }

    /**
     * Political originals of hostility 0.3 and 0.6, a non-political one, reshares of depth 1, 2.
     */
    private static List<Content> newPosts() {
        Content a = Fixtures.political(7, 0, 1, 0.1, 0.3, 0.5);
        Content b = Fixtures.political(8, 2, -1, -0.1, 0.6, 0.5);
        Content hobby = Fixtures.nonPolitical(9, 1, 2, 0.5);
        Content once = POST1.reshare(10, 3, 3);
        return List.of(a, b, hobby, once, once.reshare(11, 4, 3));
    }

    /**
     * The political posts of three readers' candidate pools and served feeds: user 0 had 10
     * political candidates, 4 of the other camp, and was served 6, 3 of the other camp; user 1 had
     * 5 and 3, and was served 2 and 2; user 2's feed held no political post.
     */
    private static List<FeedStages> feeds() {
        return List.of(
                new FeedStages(0, 10, 4, 6, 3),
                new FeedStages(1, 5, 3, 2, 2),
                new FeedStages(2, 0, 0, 0, 0));
    }

    private static SegmentView segment(String name) {
        return segment(name, exposures());
    }

    private static SegmentView segment(String name, List<Exposure> exposures) {
        return segment(name, exposures, feeds());
    }

    private static SegmentView segment(
            String name, List<Exposure> exposures, List<FeedStages> feeds) {
        return new SegmentView(
                name,
                0,
                3,
                1,
                users(),
                exposures,
                sessions(),
                impressions(),
                newPosts(),
                creators(),
                2,
                new FollowCounts(100, 50, 2, 1, 20, 10, 3, 1),
                new CascadeCounts(20, 16, 1, 1, 0, 2),
                new int[] {-1, 1, 1, -1},
                feeds);
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
                Map.of("active_users", 3.0, "sessions", 4.0), report(SocietyReporters.SESSIONS));
        assertEquals(
                Map.of("items_read", 6.0, "impressions", 6.0), report(SocietyReporters.ITEMS_READ));
        assertEquals(Map.of("anger_exits", 1.0), report(SocietyReporters.ANGER_EXITS));
    }

    @Test
    void dailyUseOfTheActiveUsers() {
        Map<String, Double> rows = report(SocietyReporters.DAILY_USE);
        // Users 0 and 1 are still on, user 2 churned today, user 3 stayed away: 3 of 4.
        assertEquals(3.0 / 4, rows.get("daily_active_share"), EPS);
        assertEquals(4.0 / 3, rows.get("sessions_per_active_user"), EPS);
        assertEquals(6.0 / 4, rows.get("items_per_session"), EPS);
        assertEquals(2.0, rows.get("items_per_active_user"), EPS);
        assertEquals(30.0 / 60 / 3, rows.get("minutes_per_active_user"), EPS);
        assertEquals(1.0 / 4, rows.get("anger_exit_share"), EPS);
        assertEquals(1.0 / 4, rows.get("end_of_feed_share"), EPS);
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
        assertEquals(List.of(3.0, 2.0, 1.0, 1.0, 1.0, 1.0), List.copyOf(rows.values()));
    }

    @Test
    void ratesPerImpressionAndTheAngryShareOfReactions() {
        Map<String, Double> rows = report(SocietyReporters.ENGAGEMENT_RATES);
        assertEquals(3.0 / 6, rows.get("engagement_rate_click"), EPS);
        assertEquals(2.0 / 6, rows.get("engagement_rate_like"), EPS);
        assertEquals(1.0 / 6, rows.get("engagement_rate_angry"), EPS);
        // One angry reaction and two likes; on political items one of each.
        assertEquals(1.0 / 3, rows.get("angry_reaction_share"), EPS);
        assertEquals(1.0 / 2, rows.get("angry_reaction_share_political"), EPS);
    }

    @Test
    void contentMixAndHostileReshares() {
        Map<String, Double> rows = report(SocietyReporters.CONTENT_MIX);
        assertEquals(4.0 / 6, rows.get("political_share"), EPS);
        assertEquals(1.0 / 6, rows.get("untrustworthy_share"), EPS);
        assertEquals(3.0 / 4, rows.get("hostile_political_share"), EPS);
        // Own party: item 5 (hostile); out-party: items 1 and 3 hostile, 4 not.
        assertEquals(1.0, rows.get("hostile_copartisan_share"), EPS);
        assertEquals(2.0 / 3, rows.get("hostile_outparty_share"), EPS);
        // Hostile political items were reshared once in three; the one other political item never.
        assertTrue(report(SocietyReporters.HOSTILE_RESHARES).get("hostile_reshare_ratio").isNaN());
    }

    @Test
    void hostileResharesCompareReshareRatesPerImpression() {
        List<Exposure> ex = new ArrayList<>();
        int reshare = actions(Action.RESHARE);
        for (int k = 0; k < 4; k++) {
            ex.add(seen(0, POST1, true, k == 0 ? reshare : 0, 0.5, 1, false, 0));
        }
        for (int k = 0; k < 5; k++) {
            ex.add(seen(1, POST4, true, k == 0 ? reshare : 0, 0.5, 1, false, 0));
        }
        ex.add(seen(1, Fixtures.nonPolitical(2, 1, 2, 0.5), false, reshare, 0.5, 1, false, 0));
        Map<String, Double> out = new LinkedHashMap<>();
        SocietyReporters.HOSTILE_RESHARES.report(segment("all", ex), out::put);
        // (1/4) / (1/5); the non-political reshare does not count.
        assertEquals(1.25, out.get("hostile_reshare_ratio"), EPS);
    }

    @Test
    void outrageExposureProductionAndEngagement() {
        Map<String, Double> exposure = report(SocietyReporters.OUTRAGE_EXPOSURE);
        assertEquals(3.0 / 6, exposure.get("outrage_exposure_share"), EPS);
        assertEquals(
                (0.8 + 0 + 0.6 + 0.5 + 0.8 + 0) / 6, exposure.get("outrage_impression_mean"), EPS);
        // Political originals only: reshares copy their parent, the hobby post has no hostility.
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
    void crossCuttingAndLikeMindedSharesOfPoliticalItems() {
        Map<String, Double> rows = report(SocietyReporters.CROSS_CUTTING);
        assertEquals(3.0 / 4, rows.get("cross_cutting_share"), EPS);
        assertEquals(1.0 / 4, rows.get("like_minded_share"), EPS);
    }

    @Test
    void crossCuttingSharesAtEachStageOfTheFunnel() {
        Map<String, Double> rows = report(SocietyReporters.CROSS_CUTTING_STAGES);
        // Pooled over readers: (4 + 3) / (10 + 5) candidates, (3 + 2) / (6 + 2) served.
        assertEquals(7.0 / 15, rows.get("cross_cutting_share_candidates"), EPS);
        assertEquals(5.0 / 8, rows.get("cross_cutting_share_served"), EPS);
        // Engaged political items: 1 (out-party) and 5 (own party); item 3 was only hidden and
        // item 4 left alone, so the read share (3/4) is not the engaged one.
        assertEquals(1.0 / 2, rows.get("cross_cutting_share_engaged"), EPS);
        Map<String, Double> none = new LinkedHashMap<>();
        SocietyReporters.CROSS_CUTTING_STAGES.report(
                segment("all", exposures().subList(1, 2), List.of(new FeedStages(2, 0, 0, 0, 0))),
                none::put);
        assertTrue(Double.isNaN(none.get("cross_cutting_share_candidates")));
        assertTrue(Double.isNaN(none.get("cross_cutting_share_served")));
        assertTrue(Double.isNaN(none.get("cross_cutting_share_engaged")));
    }

    @Test
    void opinionPolarizationOfTheFirstAxis() {
        Map<String, Double> rows = report(SocietyReporters.OPINION);
        double[] x = {-0.55, 0.25, 0.75, -0.25};
        // Mean 0.05, deviations −0.6, 0.2, 0.7, −0.3.
        assertEquals((0.36 + 0.04 + 0.49 + 0.09) / 4, rows.get("opinion_variance"), EPS);
        assertEquals(Stats.bimodalityCoefficient(x), rows.get("opinion_bimodality"), EPS);
        assertEquals(Stats.estebanRay(x, -1, 1, 10, 1.6), rows.get("esteban_ray"), EPS);
        assertEquals((0.55 + 0.25 + 0.75 + 0.25) / 4, rows.get("opinion_extremity_mean"), EPS);
    }

    @Test
    void thermometersTheirSpreadAndTheAffectiveGap() {
        assertEquals(
                45.0,
                report(SocietyReporters.OUTGROUP_THERMOMETER).get("thermometer_outgroup_mean"),
                EPS);
        Map<String, Double> rows = report(SocietyReporters.INGROUP_AFFECT);
        assertEquals(75.0, rows.get("thermometer_ingroup_mean"), EPS);
        assertEquals(30.0, rows.get("affective_gap_mean"), EPS);
        Map<String, Double> spread = report(SocietyReporters.THERMOMETER_SPREAD);
        assertEquals(Math.sqrt(125), spread.get("thermometer_outgroup_sd"), EPS);
        assertEquals(Math.sqrt(125), spread.get("thermometer_ingroup_sd"), EPS);
    }

    @Test
    void affectiveSpreadAndIdeologyWithinEachCamp() {
        // every user's gap is 30: no spread
        assertEquals(0.0, report(SocietyReporters.AFFECTIVE_SPREAD).get("affective_gap_sd"), EPS);
        Map<String, Double> rows = report(SocietyReporters.IDEOLOGY_BY_CAMP);
        // camp −1: users 0 and 3 (−0.55, −0.25); camp +1: users 1 and 2 (0.25, 0.75)
        assertEquals(-0.4, rows.get("ideology_left_mean"), EPS);
        assertEquals(0.15, rows.get("ideology_left_sd"), EPS);
        assertEquals(0.5, rows.get("ideology_right_mean"), EPS);
        assertEquals(0.25, rows.get("ideology_right_sd"), EPS);
    }

    @Test
    void theFirstTenProbeAveragesPerUserThenAcrossUsers() {
        Map<String, Double> rows = report(SocietyReporters.FIRST_TEN);
        // hostility per user: (0.8 + 0) / 2, (0.6 + 0.5) / 2, (0.8 + 0) / 2
        assertEquals(0.45, rows.get("top10_hostility_user_mean"), EPS);
        assertEquals(Math.sqrt(0.015 / 3), rows.get("top10_hostility_user_sd"), EPS);
        // political share per user: 1 of 2, 2 of 2, 1 of 2
        assertEquals(2.0 / 3, rows.get("top10_political_user_mean"), EPS);
        assertEquals(Math.sqrt(1.0 / 18), rows.get("top10_political_user_sd"), EPS);
        // hostility of the political items per user: 0.8, (0.6 + 0.5) / 2, 0.8
        assertEquals(2.15 / 3, rows.get("top10_hostility_political_user_mean"), EPS);
        assertEquals(Math.sqrt(0.125 / 9), rows.get("top10_hostility_political_user_sd"), EPS);
        // worth per user: 0.5, 0.55, 0.65
        assertEquals(1.7 / 3, rows.get("top10_worth_user_mean"), EPS);
        double m = 1.7 / 3;
        double ss = Math.pow(0.5 - m, 2) + Math.pow(0.55 - m, 2) + Math.pow(0.65 - m, 2);
        assertEquals(Math.sqrt(ss / 3), rows.get("top10_worth_user_sd"), EPS);
        // political items only: 0.2, (0.5 + 0.6) / 2, 0.4
        double p = (0.2 + 0.55 + 0.4) / 3;
        assertEquals(p, rows.get("top10_worth_political_user_mean"), EPS);
        double sp = Math.pow(0.2 - p, 2) + Math.pow(0.55 - p, 2) + Math.pow(0.4 - p, 2);
        assertEquals(Math.sqrt(sp / 3), rows.get("top10_worth_political_user_sd"), EPS);
    }

    @Test
    void theFirstTenProbeStopsAtTheTenthItemRead() {
        List<Exposure> day = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // ten calm items, then two of hostility 1 that the probe must not see
            Content c = Fixtures.political(100 + i, 0, 1, 0.5, i < 10 ? 0.2 : 1.0, 0.5);
            day.add(seen(0, c, true, 0, i < 10 ? 0.7 : 0.0, 1, false, i / 6));
        }
        Map<String, Double> rows = new LinkedHashMap<>();
        SocietyReporters.FIRST_TEN.report(segment("all", day), rows::put);
        assertEquals(0.2, rows.get("top10_hostility_user_mean"), EPS);
        assertEquals(0.7, rows.get("top10_worth_political_user_mean"), EPS);
        assertEquals(0.0, rows.get("top10_hostility_user_sd"), EPS);
    }

    @Test
    void politicalAmplificationPerUserAgainstTheControlGroup() {
        Content politics = Fixtures.political(200, 0, 1, 0.5, 0.1, 0.5);
        Content hobby = Fixtures.nonPolitical(201, 1, 2, 0.5);
        List<Exposure> day =
                List.of(
                        // ranked: users 0 and 1 read 3 political items between them
                        seen(0, politics, false, 0, 0.5, 1, false, 0),
                        seen(0, politics, false, 0, 0.5, 1, false, 0),
                        seen(1, politics, false, 0, 0.5, 1, false, 0),
                        seen(1, hobby, false, 0, 0.5, 1, false, 0),
                        // control: users 2 and 3 read 1 political item between them
                        seen(2, politics, false, 0, 0.5, 1, true, 0),
                        seen(3, hobby, false, 0, 0.5, 1, true, 0));
        Map<String, Double> rows = new LinkedHashMap<>();
        SocietyReporters.POLITICAL_AMPLIFICATION.report(segment("all", day), rows::put);
        // (3 / 2) / (1 / 2) − 1 = 200 %
        assertEquals(200.0, rows.get("political_amplification"), EPS);
        Map<String, Double> none = new LinkedHashMap<>();
        SocietyReporters.POLITICAL_AMPLIFICATION.report(
                segment("all", day.subList(0, 4)), none::put);
        assertTrue(Double.isNaN(none.get("political_amplification")));
    }

    @Test
    void supplySideMetricsAreForThePopulationOnly() {
        assertEquals(
                0.2,
                report(SocietyReporters.CREATOR_PROPENSITY).get("creator_outrage_propensity_mean"),
                EPS);
        assertEquals(
                Map.of("reshare_posts", 2.0, "cascade_depth_mean", 1.5, "cascade_depth_max", 2.0),
                report(SocietyReporters.CASCADES));
        assertEquals(
                Map.of(
                        "cascade_size1_share", 0.8,
                        "cascade_deep_share", 0.15,
                        "cascade_depth1_share", 0.05,
                        "cascade_depth2_share", 0.05,
                        "cascade_depth3_share", 0.0,
                        "cascade_depth4plus_share", 0.1),
                report(SocietyReporters.CASCADE_SHAPE));
        // Posts 0, 0, 3, 9: the top tenth (one user) wrote 9 of 12; the median user 1.5 in 4 days.
        assertEquals(
                Map.of("posting_top10_share", 0.75, "posts_per_user_month_median", 1.5 * 30 / 4),
                report(SocietyReporters.POSTING));
        for (Reporter supply :
                List.of(
                        SocietyReporters.OUTRAGE_PRODUCTION,
                        SocietyReporters.CREATOR_PROPENSITY,
                        SocietyReporters.CASCADES,
                        SocietyReporters.CASCADE_SHAPE,
                        SocietyReporters.POSTING)) {
            assertEquals(Map.of(), report(supply, User.YOUNG));
        }
    }

    @Test
    void followsBySide() {
        Map<String, Double> rows = report(SocietyReporters.FOLLOWS);
        // User-to-user follows 0→1, 0→2, 1→2, 2→0: three of four cross camps.
        assertEquals(3.0 / 4, rows.get("follows_cross_camp_share"), EPS);
        assertEquals(3.0 / 4, rows.get("follows_no_political_share"), EPS);
        assertEquals(0.02, rows.get("follow_rate_same"), EPS);
        assertEquals(0.02, rows.get("follow_rate_other"), EPS);
        assertEquals(0.15, rows.get("follow_back_rate_same"), EPS);
        assertEquals(0.1, rows.get("follow_back_rate_other"), EPS);
        assertEquals(
                List.of("follows_cross_camp_share", "follows_no_political_share"),
                List.copyOf(report(SocietyReporters.FOLLOWS, User.YOUNG).keySet()));
    }

    @Test
    void exposureDiversityAveragesOverReadersOfPoliticalItems() {
        // Stance bins: post 1 (0.5) bin 3, post 3 (−0.5) bin 1, post 4 (−0.1) bin 2. User 1 read
        // bins 1 and 2, users 0 and 2 one item each.
        Map<String, Double> rows = report(SocietyReporters.EXPOSURE_DIVERSITY);
        assertEquals(Math.log(2) / 3, rows.get("exposure_entropy_mean"), EPS);
        assertEquals(0.5 / 3, rows.get("exposure_gini_simpson_mean"), EPS);
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
    void homogenizationNeedsTwoReaders() {
        // One reader has no pair: undefined. Two readers: their one pair, {1, 2} and {1, 6}.
        List<Exposure> one = List.of(exposures().get(0), exposures().get(1));
        assertTrue(Double.isNaN(homogenization(one)));
        List<Exposure> two = new ArrayList<>(one);
        two.add(exposures().get(5));
        two.add(seen(2, POST1, false, 0, 0.5, 1, false, 0));
        assertEquals(1.0 / 3, homogenization(two), EPS);
    }

    @Test
    void homogenizationOfManyReadersSamplesDistinctPairs() {
        // 46 readers make 1,035 pairs, more than the 1,000 drawn. Each pair is of two different
        // readers: with disjoint feeds every pair has Jaccard 0 (a reader paired with itself would
        // count 1), with identical feeds every pair has 1.
        int readers = 46;
        assertTrue((long) readers * (readers - 1) / 2 > SocietyReporters.JACCARD_PAIRS);
        List<Exposure> disjoint = new ArrayList<>();
        List<Exposure> identical = new ArrayList<>();
        for (int u = 0; u < readers; u++) {
            disjoint.add(
                    seen(u, Fixtures.nonPolitical(100 + u, 1, 2, 0.5), false, 0, 0, 1, false, 0));
            identical.add(seen(u, POST1, false, 0, 0, 1, false, 0));
            identical.add(seen(u, POST3, false, 0, 0, 1, false, 0));
        }
        assertEquals(0.0, homogenization(disjoint), EPS);
        assertEquals(1.0, homogenization(identical), EPS);
    }

    private static double homogenization(List<Exposure> exposures) {
        Map<String, Double> out = new LinkedHashMap<>();
        SocietyReporters.HOMOGENIZATION.report(segment("all", exposures), out::put);
        return out.get("homogenization_jaccard");
    }

    @Test
    void churnSatisfactionAndTimeSpent() {
        assertEquals(Map.of("churned_users", 1.0), report(SocietyReporters.CHURN));
        assertEquals(
                (0.6 + 0.5 + 0.3 + 0.9) / 4,
                report(SocietyReporters.SATISFACTION).get("satisfaction_mean"),
                EPS);
        Map<String, Double> time = report(SocietyReporters.TIME_SPENT);
        assertEquals(30.0 / 4, time.get("time_spent_per_session"), EPS);
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
    void amplificationComparesHostileSharesOfTheTwoArms() {
        // Treatment (items 1, 2, 5): 2 of 3 hostile; control (items 3, 4, 6): 1 of 3.
        assertEquals(
                (2.0 / 3) / (1.0 / 3),
                report(SocietyReporters.AMPLIFICATION).get("amplification_ratio"),
                EPS);
    }
}
