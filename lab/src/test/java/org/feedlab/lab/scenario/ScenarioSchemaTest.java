package org.feedlab.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.simulator.SocietyConfig;
import org.junit.jupiter.api.Test;

/**
 * Keeps the schema and the config records in step: a field added to or renamed in a record without
 * the schema would otherwise be unreachable from scenario files.
 */
class ScenarioSchemaTest {

    private final JsonNode schema = ScenarioSchema.get().tree();

    @Test
    void topLevelKeysAreTheScenarioComponents() {
        assertEquals(snakeCaseComponents(Scenario.class), keys(schema));
    }

    @Test
    void societyKeysAreTheSocietyConfigComponents() {
        assertEquals(
                snakeCaseComponents(SocietyConfig.class), keys(schema.at("/properties/society")));
    }

    @Test
    void rankerKeysAreTheRankerConfigComponents() {
        assertEquals(
                snakeCaseComponents(RankerConfig.class), keys(schema.at("/properties/ranker")));
    }

    @Test
    void streamKeysAreTheStreamConfigComponents() {
        assertEquals(
                snakeCaseComponents(StreamConfig.class), keys(schema.at("/properties/stream")));
    }

    @Test
    void defaultsSatisfyTheSchema() throws ScenarioException {
        Scenario defaults =
                new Scenario(
                        "defaults",
                        "",
                        0,
                        1,
                        SocietyConfig.defaults(),
                        RankerConfig.defaults(),
                        StreamConfig.defaults());
        ScenarioLoader.check(defaults, "defaults");
        assertEquals(List.of(), ScenarioSchema.get().validate(ScenarioLoader.toJson(defaults)));
    }

    private static List<String> keys(JsonNode objectSchema) {
        List<String> keys = new ArrayList<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> snakeCaseComponents(Class<? extends Record> type) {
        PropertyNamingStrategies.SnakeCaseStrategy snake =
                new PropertyNamingStrategies.SnakeCaseStrategy();
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(snake.translate(component.getName()));
        }
        return names;
    }
}
