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
                    new Key("creator_follows_per_user", "follows", "creator_follows_per_user"),
                    new Key("homophily", "follows", "homophily"),
                    new Key("activity", "retention", "activity"),
                    new Key("post_rate", "creators", "post_rate"),
                    new Key("feed_size", "reading", "feed_size"),
                    new Key("ideology_spread", "population", "ideology_spread"),
                    new Key("outrage_appetite", "affect", "outrage_appetite"),
                    new Key("outgroup_boost", "affect", "outgroup_boost"),
                    new Key("anger_per_outrage", "affect", "anger_per_outrage"),
                    new Key("anger_decay", "affect", "anger_decay"),
                    new Key("anger_tolerance", "affect", "anger_tolerance"),
                    new Key("latitude", "opinion", "latitude"),
                    new Key("assimilation", "opinion", "assimilation"),
                    new Key("repulsion", "opinion", "repulsion"),
                    new Key("thermometer_drop", "affect", "thermometer_drop"),
                    new Key("thermometer_gain", "affect", "thermometer_gain"),
                    new Key("creator_outrage", "creators", "outrage"),
                    new Key("classifier_noise", "observation", "classifier_noise"),
                    new Key("ideology_dims", "population", "ideology_dims"),
                    new Key("young_share", "youth", "share"),
                    new Key("young_susceptibility", "youth", "susceptibility"),
                    new Key("young_activity", "youth", "activity_factor"),
                    new Key("session_budget", "reading", "session_budget"),
                    new Key("boredom", "reading", "boredom"),
                    new Key("survey_rate", "reading", "survey_rate"),
                    new Key("stated_quality", "stated_preferences", "quality"),
                    new Key("stated_calm", "stated_preferences", "calm"),
                    new Key("stated_variety", "stated_preferences", "variety"),
                    new Key("satisfaction_memory", "retention", "satisfaction_memory"),
                    new Key("return_sensitivity", "retention", "return_sensitivity"),
                    new Key("satisfaction_reference", "retention", "satisfaction_reference"),
                    new Key("churn_threshold", "retention", "churn_threshold"),
                    new Key("churn_patience", "retention", "churn_patience"),
                    new Key("creator_learning", "creators", "learning"),
                    new Key("creator_learning_rate", "creators", "learning_rate"),
                    new Key("creator_norm_pull", "creators", "norm_pull"),
                    new Key("user_follows_per_user", "follows", "user_follows_per_user"),
                    new Key("follow_rate", "follows", "follow_rate"),
                    new Key("unfollow_rate", "follows", "unfollow_rate"),
                    new Key("arousal_pull", "reading", "arousal_pull"),
                    new Key("absorption", "reading", "absorption"),
                    new Key("habit_weight", "retention", "habit_weight"),
                    new Key("habit_reference", "retention", "habit_reference"));

    /**
     * Keys that were renamed, old → new. {@code follows_per_user} set only the creators a user
     * follows, beside {@code user_follows_per_user}, while reading as the total.
     */
    static final Map<String, String> RENAMED =
            Map.of("follows_per_user", "creator_follows_per_user");

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
