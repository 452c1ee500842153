package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The run's reporter list writes metrics.csv rows in the order every earlier run had, with the
 * metrics added since at the end.
 */
class SimulationRunTest {

    /** The rows of one segment in a tick, as metrics.csv has always written them. */
    private static final List<String> POPULATION_ROWS =
            List.of(
                    "active_users",
                    "sessions",
                    "items_read",
                    "impressions",
                    "engagements_click",
                    "engagements_like",
                    "engagements_reshare",
                    "engagements_comment",
                    "engagements_hide",
                    "engagements_angry",
                    "anger_exits",
                    "outrage_exposure_share",
                    "outrage_impression_mean",
                    "outrage_production_mean",
                    "outrage_engagement_share",
                    "cross_cutting_share",
                    "like_minded_share",
                    "opinion_variance",
                    "opinion_bimodality",
                    "esteban_ray",
                    "opinion_extremity_mean",
                    "thermometer_outgroup_mean",
                    "model_version",
                    "model_auc_click",
                    "thermometer_ingroup_mean",
                    "affective_gap_mean",
                    "creator_outrage_propensity_mean",
                    "reshare_posts",
                    "cascade_depth_mean",
                    "cascade_depth_max",
                    "exposure_entropy_mean",
                    "exposure_gini_simpson_mean",
                    "homogenization_jaccard",
                    "churned_users",
                    "satisfaction_mean",
                    "engagement_satisfaction_gap",
                    "time_spent_per_session",
                    "dwell_mean",
                    "survey_worth_share",
                    "amplification_ratio",
                    "model_auc_like",
                    "model_auc_reshare",
                    "model_auc_comment",
                    "model_auc_hide",
                    "model_auc_angry",
                    "model_log_loss_click",
                    "model_calibration_click",
                    "model_log_loss_like",
                    "model_calibration_like",
                    "model_log_loss_reshare",
                    "model_calibration_reshare",
                    "model_log_loss_comment",
                    "model_calibration_comment",
                    "model_log_loss_hide",
                    "model_calibration_hide",
                    "model_log_loss_angry",
                    "model_calibration_angry",
                    "daily_active_share",
                    "sessions_per_active_user",
                    "items_per_session",
                    "items_per_active_user",
                    "minutes_per_active_user",
                    "anger_exit_share",
                    "end_of_feed_share",
                    "engagement_rate_click",
                    "engagement_rate_like",
                    "engagement_rate_reshare",
                    "engagement_rate_comment",
                    "engagement_rate_hide",
                    "engagement_rate_angry",
                    "angry_reaction_share",
                    "angry_reaction_share_political",
                    "political_share",
                    "untrustworthy_share",
                    "hostile_political_share",
                    "hostile_copartisan_share",
                    "hostile_outparty_share",
                    "hostile_reshare_ratio",
                    "thermometer_outgroup_sd",
                    "thermometer_ingroup_sd",
                    "posting_top10_share",
                    "posts_per_user_month_median",
                    "cascade_size1_share",
                    "cascade_deep_share",
                    "cascade_depth1_share",
                    "cascade_depth2_share",
                    "cascade_depth3_share",
                    "cascade_depth4plus_share",
                    "follows_cross_camp_share",
                    "follows_no_political_share",
                    "follow_rate_same",
                    "follow_rate_other",
                    "follow_back_rate_same",
                    "follow_back_rate_other",
                    "affective_gap_sd",
                    "ideology_left_mean",
                    "ideology_left_sd",
                    "ideology_right_mean",
                    "ideology_right_sd",
                    "top10_hostility_user_mean",
                    "top10_hostility_user_sd",
                    "top10_political_user_mean",
                    "top10_political_user_sd",
                    "top10_hostility_political_user_mean",
                    "top10_hostility_political_user_sd",
                    "top10_worth_user_mean",
                    "top10_worth_user_sd",
                    "top10_worth_political_user_mean",
                    "top10_worth_political_user_sd",
                    "political_amplification",
                    "cross_cutting_share_candidates",
                    "cross_cutting_share_served",
                    "cross_cutting_share_engaged");

    /** The supply-side rows, which only the population has. */
    private static final List<String> SUPPLY_ROWS =
            List.of(
                    "outrage_production_mean",
                    "creator_outrage_propensity_mean",
                    "reshare_posts",
                    "cascade_depth_mean",
                    "cascade_depth_max",
                    "posting_top10_share",
                    "posts_per_user_month_median",
                    "cascade_size1_share",
                    "cascade_deep_share",
                    "cascade_depth1_share",
                    "cascade_depth2_share",
                    "cascade_depth3_share",
                    "cascade_depth4plus_share",
                    "follow_rate_same",
                    "follow_rate_other",
                    "follow_back_rate_same",
                    "follow_back_rate_other");

    @Test
    void rowsComeInTheShippedOrder() throws Exception {
        Scenario s =
                ScenarioLoader.parse(
                        "name: order\nseed: 5\nticks: 2\nsociety: {users: 60, creators: 30}\n",
                        "order.yaml");
        List<MetricRow> rows;
        try (DirectPlatform platform =
                new DirectPlatform(s.ranker(), s.society().population().topics(), s.seed())) {
            rows = SimulationRun.run(s.society(), s.seed(), s.ticks(), platform, List.of());
        }
        List<String> segmentRows =
                POPULATION_ROWS.stream().filter(m -> !SUPPLY_ROWS.contains(m)).toList();
        for (long tick = 0; tick < s.ticks(); tick++) {
            assertEquals(POPULATION_ROWS, names(rows, tick, "all"));
            assertEquals(segmentRows, names(rows, tick, "adult"));
            assertEquals(segmentRows, names(rows, tick, "young"));
        }
        assertEquals(s.ticks() * (POPULATION_ROWS.size() + 2 * segmentRows.size()), rows.size());
        // Segments follow one another within a tick: all, adult, young.
        assertEquals("all", rows.get(POPULATION_ROWS.size() - 1).segment());
        assertEquals("adult", rows.get(POPULATION_ROWS.size()).segment());
    }

    private static List<String> names(List<MetricRow> rows, long tick, String segment) {
        return rows.stream()
                .filter(r -> r.tick() == tick && r.segment().equals(segment))
                .map(MetricRow::metric)
                .toList();
    }
}
