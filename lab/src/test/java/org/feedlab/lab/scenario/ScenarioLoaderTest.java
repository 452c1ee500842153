package org.feedlab.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.simulator.SocietyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading, defaults, and the error messages a researcher sees for a bad scenario file. */
class ScenarioLoaderTest {

    private static final String VALID_HEAD = "name: t\nseed: 1\nticks: 10\n";

    @Test
    void classroomLoadsWithDefaultsFilledIn() throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(Path.of("..", "scenarios", "classroom.yaml"));

        assertEquals("classroom", scenario.name());
        assertEquals(42L, scenario.seed());
        assertEquals(30, scenario.ticks());
        assertEquals(SocietyConfig.DEFAULTS, scenario.society());
        assertEquals(SocietyConfig.Population.TOPICS, scenario.society().population().topics());
        assertEquals(SocietyConfig.Affect.DEFAULTS, scenario.society().affect());
        assertEquals(RankerConfig.DEFAULTS, scenario.ranker());
        assertEquals(StreamConfig.defaults(), scenario.stream());
        assertTrue(
                scenario.description().startsWith("Two-minute classroom demo: 600 users"),
                scenario.description());
        assertTrue(scenario.description().endsWith("outrage pays."), scenario.description());
    }

    @Test
    void givenFieldsOverrideOnlyThemselves() throws ScenarioException {
        Scenario scenario =
                ScenarioLoader.parse(
                        VALID_HEAD
                                + "society: {users: 10, day_feed_size: 5, anger_decay: 0.9}\n"
                                + "ranker: {objective: random, learning_rate: 0.05}\n"
                                + "stream: {partitions: 8, audit_share: 0.05, scoring_delay_ms: 3}\n",
                        "t.yaml");

        SocietyConfig d = SocietyConfig.DEFAULTS;
        SocietyConfig expectedSociety =
                d.withPopulation(d.population().withUsers(10))
                        .withReading(d.reading().withDayFeedSize(5))
                        .withAffect(d.affect().withAngerDecay(0.9));
        assertEquals(expectedSociety, scenario.society());
        RankerConfig ranker = RankerConfig.DEFAULTS;
        assertEquals(
                ranker.withObjective(ObjectiveConfig.named("random"))
                        .withTraining(ranker.training().withLearningRate(0.05)),
                scenario.ranker());
        assertEquals(new StreamConfig(8, 1, 0.05, 3), scenario.stream());
        assertEquals("", scenario.description());
    }

    /**
     * Every flat society key lands in its own field: each key gets a distinct value, and reading
     * the typed records back through the table gives every value back under its key (a key mapped
     * to another key's field would lose one of them).
     */
    @Test
    void everySocietyKeySetsItsOwnField() throws ScenarioException {
        StringBuilder yaml = new StringBuilder(VALID_HEAD + "society:\n");
        List<String> expected = new ArrayList<>();
        int k = 0;
        for (SocietyKeys.Key key : SocietyKeys.KEYS) {
            JsonNode schema =
                    ScenarioSchema.get()
                            .tree()
                            .path("properties")
                            .path("society")
                            .path("properties")
                            .path(key.flat());
            String value =
                    switch (schema.path("type").asText()) {
                        case "boolean" -> Boolean.toString(k % 2 == 0);
                        case "integer" ->
                                Integer.toString(
                                        key.flat().equals("creators")
                                                ? 1000 + k
                                                : Math.max(schema.path("minimum").asInt(0), 2) + k);
                        default ->
                                Double.toString(
                                        schema.path("minimum").asDouble(0) + 0.001 * (k + 1));
                    };
            yaml.append("  ").append(key.flat()).append(": ").append(value).append('\n');
            expected.add(key.flat() + "=" + value);
            k++;
        }
        // creators is large, since the cross-field rule wants creators ≥ creator_follows_per_user.
        Scenario scenario = ScenarioLoader.parse(yaml.toString(), "all.yaml");
        JsonNode flat = scenario.resolvedTree().get("society");
        List<String> got = new ArrayList<>();
        for (SocietyKeys.Key key : SocietyKeys.KEYS) {
            JsonNode v = flat.get(key.flat());
            got.add(
                    key.flat()
                            + "="
                            + (v.isFloatingPointNumber()
                                    ? Double.toString(v.asDouble())
                                    : v.asText()));
        }
        assertEquals(expected, got);
    }

    static Stream<Arguments> badScenarios() {
        return Stream.of(
                Arguments.of(
                        "wrong type",
                        "name: t\nseed: 1\nticks: \"many\"\n",
                        List.of("bad.yaml: $.ticks: expected integer", "got \"many\"")),
                Arguments.of(
                        "fractional integer",
                        "name: t\nseed: 1\nticks: 2.5\n",
                        List.of(
                                "bad.yaml: $.ticks: expected integer between 1 and 100000, got"
                                        + " 2.5")),
                Arguments.of(
                        "below minimum",
                        VALID_HEAD + "society: {users: -5}\n",
                        List.of("bad.yaml: $.society.users: expected integer ≥ 1, got -5")),
                Arguments.of(
                        "above maximum",
                        VALID_HEAD + "society: {users: 20000000}\n",
                        List.of(
                                "bad.yaml: $.society.users: expected integer ≤ 10000000, got"
                                        + " 20000000")),
                Arguments.of(
                        "probability above one",
                        VALID_HEAD + "society: {activity: 1.5}\n",
                        List.of("bad.yaml: $.society.activity: expected number ≤ 1, got 1.5")),
                Arguments.of(
                        "unknown society key",
                        VALID_HEAD + "society: {userz: 5}\n",
                        List.of(
                                "bad.yaml: $.society.userz: expected one of the keys users,"
                                        + " creators",
                                "got unknown key userz (did you mean users?)")),
                Arguments.of(
                        "unknown top-level key",
                        VALID_HEAD + "tics: 5\n",
                        List.of(
                                "bad.yaml: $.tics: expected one of the keys name, description,"
                                        + " seed",
                                "got unknown key tics (did you mean ticks?)")),
                Arguments.of(
                        "missing seed",
                        "name: t\nticks: 10\n",
                        List.of("bad.yaml: $.seed: expected integer ≥ 0 (required), got nothing")),
                Arguments.of(
                        "unknown objective",
                        VALID_HEAD + "ranker: {objective: likes}\n",
                        List.of(
                                "bad.yaml: $.ranker.objective: expected one of"
                                        + " engagement-twitter-2023, engagement-x-2026, engagement,",
                                "chronological, random, popularity, custom, got \"likes\"")),
                Arguments.of(
                        "learning rate must be positive",
                        VALID_HEAD + "ranker: {learning_rate: 0}\n",
                        List.of("bad.yaml: $.ranker.learning_rate: expected number > 0, got 0")),
                Arguments.of(
                        "audit share above one",
                        VALID_HEAD + "stream: {audit_share: 1.5}\n",
                        List.of("bad.yaml: $.stream.audit_share: expected number ≤ 1, got 1.5")),
                Arguments.of(
                        "parallelism zero",
                        VALID_HEAD + "stream: {parallelism: 0}\n",
                        List.of("bad.yaml: $.stream.parallelism: expected integer ≥ 1, got 0")),
                Arguments.of(
                        "section of the wrong type",
                        VALID_HEAD + "society: lots\n",
                        List.of("bad.yaml: $.society: expected mapping", "got \"lots\"")),
                Arguments.of(
                        "empty name",
                        "name: \"\"\nseed: 1\nticks: 10\n",
                        List.of("bad.yaml: $.name: expected non-empty string, got \"\"")),
                Arguments.of(
                        "unquoted no read as a boolean",
                        "name: no\nseed: 1\nticks: 10\n",
                        List.of(
                                "bad.yaml: $.name: expected non-empty string, got false (YAML reads"
                                        + " unquoted yes, no")),
                Arguments.of(
                        "name that escapes the runs directory",
                        "name: ../etc\nseed: 1\nticks: 10\n",
                        List.of("bad.yaml: $.name: expected string matching", "got \"../etc\"")),
                Arguments.of(
                        "cross-field: more follows than creators",
                        VALID_HEAD + "society: {creators: 10, creator_follows_per_user: 11}\n",
                        List.of(
                                "bad.yaml: $.society.creator_follows_per_user: expected integer ≤"
                                        + " society.creators (10), got 11")),
                Arguments.of(
                        "renamed key",
                        VALID_HEAD + "society: {users: 50, follows_per_user: 11}\n",
                        List.of(
                                "bad.yaml: $.society.follows_per_user: expected key"
                                        + " creator_follows_per_user, got a key renamed to"
                                        + " society.creator_follows_per_user")),
                Arguments.of(
                        "cross-field: no candidates",
                        VALID_HEAD + "ranker: {in_network_candidates: 0, popular_candidates: 0}\n",
                        List.of(
                                "bad.yaml: $.ranker: expected in_network_candidates +"
                                        + " popular_candidates")),
                Arguments.of(
                        "a telemetry restriction from a negative tick",
                        VALID_HEAD
                                + "ranker:\n  policies: [{type: telemetry-restriction, groups:"
                                + " [user_history], from_tick: -1}]\n",
                        List.of("bad.yaml: $.ranker.policies[0].from_tick")),
                Arguments.of(
                        "a telemetry restriction with an unknown key",
                        VALID_HEAD
                                + "ranker:\n  policies: [{type: telemetry-restriction, groups:"
                                + " [user_history], from: 3}]\n",
                        List.of("bad.yaml: $.ranker.policies[0]", "from")),
                Arguments.of(
                        "YAML syntax error",
                        "name: t\nseed: 1\nticks: [10\nsociety: {users: 5}\n",
                        List.of("bad.yaml: line ", "expected valid YAML")),
                Arguments.of(
                        "bad indentation",
                        "name: t\nseed: 1\n  ticks: 10\n",
                        List.of("bad.yaml: line 3, column", "expected valid YAML")),
                Arguments.of(
                        "duplicate key",
                        "name: t\nseed: 1\nticks: 10\nseed: 2\n",
                        List.of("bad.yaml: line 4", "Duplicate field 'seed'")),
                Arguments.of(
                        "explicit tag",
                        "name: t\nseed: 1\nticks: !!java.lang.Integer 10\n",
                        List.of(
                                "bad.yaml: line 3",
                                "expected plain data (no YAML tags),"
                                        + " got tag !!java.lang.Integer")),
                Arguments.of(
                        "alias",
                        "name: &n t\ndescription: *n\nseed: 1\nticks: 10\n",
                        List.of(
                                "bad.yaml: line 2, column 14: expected plain data (no YAML"
                                        + " aliases), got alias *n")),
                Arguments.of(
                        "anchor on a mapping",
                        VALID_HEAD + "society: &s {users: 5}\n",
                        List.of(
                                "bad.yaml: line 4",
                                "expected plain data (no YAML anchors), got anchor &s")),
                Arguments.of(
                        "two documents",
                        VALID_HEAD + "---\n" + VALID_HEAD,
                        List.of("expected a single YAML document")),
                Arguments.of(
                        "empty file",
                        "",
                        List.of(
                                "bad.yaml: $: expected mapping with at least name, seed and"
                                        + " ticks")),
                Arguments.of(
                        "a list instead of a mapping",
                        "- name: t\n",
                        List.of("bad.yaml: $: expected mapping", "got a list")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void badScenarioIsRejectedWithThePathOfTheField(
            String label, String yaml, List<String> fragments) {
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "bad.yaml"));

        for (String fragment : fragments) {
            assertTrue(
                    e.getMessage().contains(fragment),
                    () -> "missing '" + fragment + "' in:\n" + e.getMessage());
        }
        assertEquals("bad.yaml", e.source());
        assertEquals(e.problems().size(), e.getMessage().lines().count());
    }

    @Test
    void everyProblemIsReportedOnItsOwnLineSortedByPath() {
        ScenarioException e =
                assertThrows(
                        ScenarioException.class,
                        () ->
                                ScenarioLoader.parse(
                                        "name: t\nticks: 0\nsociety: {users: -5, topics: 65}\n",
                                        "many.yaml"));

        List<String> paths = new ArrayList<>();
        e.problems().forEach(problem -> paths.add(problem.path()));
        assertEquals(List.of("$.seed", "$.society.topics", "$.society.users", "$.ticks"), paths);
        assertEquals(
                "many.yaml: $.society.users: expected integer ≥ 1, got -5",
                e.getMessage().lines().toList().get(2));
    }

    @Test
    void renamedKeyIsReportedBesideTheOtherProblems() {
        ScenarioException e =
                assertThrows(
                        ScenarioException.class,
                        () ->
                                ScenarioLoader.parse(
                                        "name: t\nseed: 1\nticks: 0\n"
                                                + "society: {users: -5, follows_per_user: 8}\n",
                                        "old.yaml"));

        List<String> paths = new ArrayList<>();
        e.problems().forEach(problem -> paths.add(problem.path()));
        assertEquals(List.of("$.society.follows_per_user", "$.society.users", "$.ticks"), paths);
        assertEquals(
                new Problem(
                        "$.society.follows_per_user",
                        "key creator_follows_per_user",
                        "a key renamed to society.creator_follows_per_user"),
                e.problems().get(0));
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        ScenarioException e =
                assertThrows(
                        ScenarioException.class,
                        () ->
                                ScenarioLoader.parse(
                                        "name: t\nseed: 1\nticks: 10\nsociety: {users: 5\n",
                                        "s.yaml"));

        Problem problem = e.problems().get(0);
        assertTrue(problem.path().matches("line [45], column \\d+"), problem.path());
        assertEquals("valid YAML", problem.expected());
    }

    @Test
    void resolvedTreeHasRecordOrderAndReadsBackToAnEqualScenario() throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(Path.of("..", "scenarios", "classroom.yaml"));

        JsonNode tree = scenario.resolvedTree();
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertEquals(
                List.of("name", "description", "seed", "ticks", "society", "ranker", "stream"),
                keys);
        assertEquals(
                SocietyConfig.Follows.CREATOR_FOLLOWS_PER_USER,
                tree.get("society").get("creator_follows_per_user").asInt());
        assertEquals("users", tree.get("society").fieldNames().next());
        // JSON is YAML, so the manifest's scenario is itself a loadable scenario.
        assertEquals(scenario, ScenarioLoader.parse(tree.toString(), "manifest"));
    }

    @Test
    void checkAppliesTheFileRulesToABuiltScenario() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse(VALID_HEAD, "t.yaml");

        ScenarioLoader.check(scenario.withParallelism(64), "ok");
        ScenarioException e =
                assertThrows(
                        ScenarioException.class,
                        () ->
                                ScenarioLoader.check(
                                        scenario.withSeed(-3).withParallelism(65), "cli"));
        assertEquals(
                List.of(
                        new Problem("$.seed", "integer ≥ 0", "-3"),
                        new Problem("$.stream.parallelism", "integer ≤ 64", "65")),
                e.problems());
    }

    @Test
    void missingFileIsAScenarioProblem() {
        ScenarioException e =
                assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.load(Path.of("no-such-scenario.yaml")));
        assertEquals(
                "no-such-scenario.yaml: file: expected an existing scenario file, got no such file",
                e.getMessage());
    }
}
