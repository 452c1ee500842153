package org.feedlab.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flat keys of a scenario's {@code society} section and where each lives in the grouped {@link
 * org.feedlab.simulator.SocietyConfig}: one declared table, read both ways. Scenario files and the
 * manifest keep flat keys ({@code anger_tolerance}); the loader nests them into groups ({@code
 * affect.anger_tolerance}) for the typed records, and flattens the records back for the manifest.
 *
 * <p>A key that was renamed stays in {@link #RENAMED}, so a file that still uses it gets an error
 * naming the new key instead of a bare "unknown key".
 */
final class SocietyKeys {

    /** One flat scenario key: the group and the field (snake_case) it sets. */
    record Key(String flat, String group, String field) {}

    /** Every society key, in the order of the schema and of the manifest. */
    static final List<Key> KEYS =
            List.of(
                    new Key("users", "population", "users"),
                    new Key("creators", "population", "creators"),
                    new Key("topics", "population", "topics"),
                    new Key("ideology_dims", "population", "ideology_dims"),
                    new Key("ideology_spread", "population", "ideology_spread"),
                    new Key("taste_dims", "population", "taste_dims"),
                    new Key("political_creator_share", "population", "political_creator_share"),
                    new Key("untrustworthy_share", "population", "untrustworthy_share"),
                    new Key("political_interest", "population", "political_interest"),
                    new Key("young_share", "youth", "share"),
                    new Key("young_susceptibility", "youth", "susceptibility"),
                    new Key("young_activity", "youth", "activity_factor"),
                    new Key("creator_follows_per_user", "follows", "creator_follows_per_user"),
                    new Key("user_follows_per_user", "follows", "user_follows_per_user"),
                    new Key("camp_homophily", "follows", "camp_homophily"),
                    new Key("follow_rate", "follows", "follow_rate"),
                    new Key("unfollow_rate", "follows", "unfollow_rate"),
                    new Key("follow_back_same", "follows", "follow_back_same"),
                    new Key("follow_back_other", "follows", "follow_back_other"),
                    new Key("day_feed_size", "reading", "day_feed_size"),
                    new Key("sessions_per_day", "reading", "sessions_per_day"),
                    new Key("session_budget", "reading", "session_budget"),
                    new Key("continue_base", "reading", "continue_base"),
                    new Key("interest_pull", "reading", "interest_pull"),
                    new Key("boredom", "reading", "boredom"),
                    new Key("arousal_pull", "reading", "arousal_pull"),
                    new Key("satiation", "reading", "satiation"),
                    new Key("absorption", "reading", "absorption"),
                    new Key("glance_seconds", "reading", "glance_seconds"),
                    new Key("read_seconds", "reading", "read_seconds"),
                    new Key("survey_rate", "reading", "survey_rate"),
                    new Key("taste_weight", "interest", "taste_weight"),
                    new Key("topic_weight", "interest", "topic_weight"),
                    new Key("quality_weight", "interest", "quality_weight"),
                    new Key("in_network_bonus", "interest", "in_network_bonus"),
                    new Key("click_base", "actions", "click_base"),
                    new Key("like_base", "actions", "like_base"),
                    new Key("reshare_base", "actions", "reshare_base"),
                    new Key("comment_base", "actions", "comment_base"),
                    new Key("hide_base", "actions", "hide_base"),
                    new Key("angry_base", "actions", "angry_base"),
                    new Key("negativity_click", "actions", "negativity_click"),
                    new Key("outgroup_references", "partisanship", "outgroup_references"),
                    new Key("accept_bonus", "partisanship", "accept_bonus"),
                    new Key("reject_penalty", "partisanship", "reject_penalty"),
                    new Key("copartisan_click", "partisanship", "copartisan_click"),
                    new Key("copartisan_like", "partisanship", "copartisan_like"),
                    new Key("copartisan_reshare", "partisanship", "copartisan_reshare"),
                    new Key("copartisan_comment", "partisanship", "copartisan_comment"),
                    new Key("counter_comment", "partisanship", "counter_comment"),
                    new Key("angry_reject", "partisanship", "angry_reject"),
                    new Key("angry_outparty", "partisanship", "angry_outparty"),
                    new Key("angry_copartisan", "partisanship", "angry_copartisan"),
                    new Key("hide_reject", "partisanship", "hide_reject"),
                    new Key("hide_hostile", "partisanship", "hide_hostile"),
                    new Key("hostility_appetite", "affect", "hostility_appetite"),
                    new Key("anger_per_hostility", "affect", "anger_per_hostility"),
                    new Key("anger_copartisan", "affect", "anger_copartisan"),
                    new Key("anger_reject", "affect", "anger_reject"),
                    new Key("anger_session_decay", "affect", "anger_session_decay"),
                    new Key("anger_decay", "affect", "anger_decay"),
                    new Key("anger_threshold", "affect", "anger_threshold"),
                    new Key("anger_exit_hazard", "affect", "anger_exit_hazard"),
                    new Key("thermometer_hostility", "thermometer", "hostility"),
                    new Key("thermometer_calm", "thermometer", "calm"),
                    new Key("thermometer_ingroup", "thermometer", "ingroup"),
                    new Key("thermometer_decay", "thermometer", "decay"),
                    new Key("thermometer_baseline_drift", "thermometer", "baseline_drift"),
                    new Key("outparty_centre", "thermometer", "outparty_centre"),
                    new Key("outparty_spread", "thermometer", "outparty_spread"),
                    new Key("inparty_centre", "thermometer", "inparty_centre"),
                    new Key("inparty_spread", "thermometer", "inparty_spread"),
                    new Key("acceptance_latitude", "opinion", "acceptance"),
                    new Key("rejection_latitude", "opinion", "rejection"),
                    new Key("latitude_shrink", "opinion", "latitude_shrink"),
                    new Key("latitude_gap", "opinion", "latitude_gap"),
                    new Key("assimilation", "opinion", "assimilation"),
                    new Key("contrast", "opinion", "contrast"),
                    new Key("anchor_half_life", "opinion", "anchor_half_life"),
                    new Key("stated_quality", "stated_preferences", "quality"),
                    new Key("stated_calm", "stated_preferences", "calm"),
                    new Key("stated_variety", "stated_preferences", "variety"),
                    new Key("stated_taste", "stated_preferences", "taste"),
                    new Key("activity", "retention", "activity"),
                    new Key("satisfaction_memory", "retention", "satisfaction_memory"),
                    new Key("return_sensitivity", "retention", "return_sensitivity"),
                    new Key("satisfaction_reference", "retention", "satisfaction_reference"),
                    new Key("churn_threshold", "retention", "churn_threshold"),
                    new Key("churn_patience_days", "retention", "churn_patience_days"),
                    new Key("habit_weight", "retention", "habit_weight"),
                    new Key("habit_reference", "retention", "habit_reference"),
                    new Key("creator_post_rate", "posting", "creator_post_rate"),
                    new Key("user_post_rate", "posting", "user_post_rate"),
                    new Key("user_post_spread", "posting", "user_post_spread"),
                    new Key("political_posts", "posting", "political_posts"),
                    new Key("creator_hostility", "posting", "creator_hostility"),
                    new Key("user_hostility", "posting", "user_hostility"),
                    new Key("hostility_spread", "posting", "hostility_spread"),
                    new Key("style_spread", "posting", "style_spread"),
                    new Key("outrage_learning", "posting", "learning"),
                    new Key("outrage_learning_rate", "posting", "learning_rate"),
                    new Key("outrage_norm_pull", "posting", "norm_pull"),
                    new Key("extremity_moderation", "posting", "extremity_moderation"),
                    new Key("classifier_noise", "observation", "classifier_noise"),
                    new Key("deactivate_share", "deactivation", "share"),
                    new Key("deactivate_start", "deactivation", "start"),
                    new Key("deactivate_days", "deactivation", "days"),
                    new Key("cross_follows_share", "cross_follows", "share"),
                    new Key("cross_follows_start", "cross_follows", "start"),
                    new Key("cross_follows_accounts", "cross_follows", "accounts"));

    /**
     * Keys that were renamed, old → new. {@code follows_per_user} set only the creators a user
     * follows, beside {@code user_follows_per_user}, while reading as the total. The others changed
     * meaning with society v2 (one tick is one day, hostility of political items replaces outrage
     * of every item, party identity is a fixed camp): a file that still uses one is pointed to the
     * key that now holds the mechanism (docs/SCENARIOS.md, "Renamed keys").
     */
    static final Map<String, String> RENAMED =
            Map.ofEntries(
                    Map.entry("follows_per_user", "creator_follows_per_user"),
                    Map.entry("homophily", "camp_homophily"),
                    Map.entry("feed_size", "day_feed_size"),
                    Map.entry("post_rate", "creator_post_rate"),
                    Map.entry("outrage_appetite", "hostility_appetite"),
                    Map.entry("outgroup_boost", "copartisan_reshare"),
                    Map.entry("anger_per_outrage", "anger_per_hostility"),
                    Map.entry("anger_tolerance", "anger_threshold"),
                    Map.entry("latitude", "acceptance_latitude"),
                    Map.entry("repulsion", "contrast"),
                    Map.entry("thermometer_drop", "thermometer_hostility"),
                    Map.entry("thermometer_gain", "thermometer_calm"),
                    Map.entry("creator_outrage", "creator_hostility"),
                    Map.entry("churn_patience", "churn_patience_days"),
                    Map.entry("creator_learning", "outrage_learning"),
                    Map.entry("creator_learning_rate", "outrage_learning_rate"),
                    Map.entry("creator_norm_pull", "outrage_norm_pull"));

    private SocietyKeys() {}

    /** The grouped tree of a flat {@code society} mapping; keys not in the table are left out. */
    static ObjectNode nest(JsonNode flat) {
        ObjectNode nested = JsonNodeFactory.instance.objectNode();
        for (Key key : KEYS) {
            JsonNode value = flat.get(key.flat());
            if (value != null) {
                nested.withObjectProperty(key.group()).set(key.field(), value);
            }
        }
        return nested;
    }

    /** The flat {@code society} mapping of a grouped tree, in table order. */
    static ObjectNode flatten(JsonNode nested) {
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        for (Key key : KEYS) {
            JsonNode value = nested.path(key.group()).get(key.field());
            if (value != null) {
                flat.set(key.flat(), value);
            }
        }
        return flat;
    }

    /** A problem for each renamed key the scenario's {@code society} section still uses. */
    static List<Problem> renamedKeys(JsonNode scenario) {
        List<Problem> problems = new ArrayList<>();
        JsonNode society = scenario.path("society");
        if (society.isObject()) {
            society.fieldNames()
                    .forEachRemaining(
                            key -> {
                                String renamed = RENAMED.get(key);
                                if (renamed != null) {
                                    problems.add(
                                            new Problem(
                                                    "$.society." + key,
                                                    "key " + renamed,
                                                    "a key renamed to society." + renamed));
                                }
                            });
        }
        return problems;
    }

    /** The scenario without the renamed keys of its {@code society} section. */
    static JsonNode withoutRenamedKeys(JsonNode scenario) {
        if (!(scenario.get("society") instanceof ObjectNode)) {
            return scenario;
        }
        ObjectNode copy = scenario.deepCopy();
        ((ObjectNode) copy.get("society")).remove(RENAMED.keySet());
        return copy;
    }
}
