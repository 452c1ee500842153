package org.feedlab.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.feedlab.events.Head;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.simulator.SocietyConfig;
import org.junit.jupiter.api.Test;

/**
 * Keeps the schema and the config records in step: a field added to or renamed in a record (or a
 * key of the ranker section) without the schema would otherwise be unreachable from scenario files.
 */
class ScenarioSchemaTest {

    private final JsonNode schema = ScenarioSchema.get().tree();

    @Test
    void topLevelKeysAreTheScenarioComponents() {
        assertEquals(snakeCaseComponents(Scenario.class), keys(schema));
    }

    @Test
    void societyKeysAreTheKeysOfTheSocietyTable() {
        assertEquals(
                SocietyKeys.KEYS.stream().map(SocietyKeys.Key::flat).toList(),
                keys(schema.at("/properties/society")));
    }

    @Test
    void societyTableNamesEveryFieldOfEveryGroupOnce() {
        List<String> fields = new ArrayList<>();
        for (RecordComponent group : SocietyConfig.class.getRecordComponents()) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> type = (Class<? extends Record>) group.getType();
            String name = SNAKE.translate(group.getName());
            snakeCaseComponents(type).forEach(field -> fields.add(name + "." + field));
        }
        List<String> table =
                SocietyKeys.KEYS.stream().map(k -> k.group() + "." + k.field()).sorted().toList();
        assertEquals(fields.stream().sorted().toList(), table);
    }

    @Test
    void renamedKeysPointToKeysOfTheTable() {
        List<String> flat = SocietyKeys.KEYS.stream().map(SocietyKeys.Key::flat).toList();
        SocietyKeys.RENAMED.forEach(
                (old, renamed) -> {
                    assertTrue(flat.contains(renamed), renamed);
                    assertFalse(flat.contains(old), old);
                });
    }

    @Test
    void rankerKeysAreTheKeysOfTheRankerSection() {
        assertEquals(RankerSection.keys(), keys(schema.at("/properties/ranker")));
        Scenario defaults =
                new Scenario(
                        "d",
                        "",
                        0,
                        1,
                        SocietyConfig.DEFAULTS,
                        RankerConfig.DEFAULTS,
                        StreamConfig.defaults());
        List<String> written = new ArrayList<>();
        ScenarioLoader.toJson(defaults).get("ranker").fieldNames().forEachRemaining(written::add);
        assertEquals(RankerSection.keys(), written);
    }

    @Test
    void streamKeysAreTheStreamConfigComponents() {
        assertEquals(
                snakeCaseComponents(StreamConfig.class), keys(schema.at("/properties/stream")));
    }

    @Test
    void headNamesAreTheModelsHeads() {
        JsonNode ranker = schema.at("/properties/ranker/properties");
        for (JsonNode names :
                List.of(
                        ranker.at("/objective_terms/properties/weights/propertyNames/enum"),
                        ranker.at("/objective/else/properties/weights/propertyNames/enum"))) {
            List<String> listed = new ArrayList<>();
            names.forEach(n -> listed.add(n.asText()));
            assertEquals(Head.names(), listed);
        }
    }

    @Test
    void defaultsSatisfyTheSchema() throws ScenarioException {
        Scenario defaults =
                new Scenario(
                        "defaults",
                        "",
                        0,
                        1,
                        SocietyConfig.DEFAULTS,
                        RankerConfig.DEFAULTS,
                        StreamConfig.defaults());
        ScenarioLoader.check(defaults, "defaults");
        assertEquals(List.of(), ScenarioSchema.get().validate(ScenarioLoader.toJson(defaults)));
    }

    private static List<String> keys(JsonNode objectSchema) {
        List<String> keys = new ArrayList<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private static List<String> snakeCaseComponents(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(SNAKE.translate(component.getName()));
        }
        return names;
    }
}
