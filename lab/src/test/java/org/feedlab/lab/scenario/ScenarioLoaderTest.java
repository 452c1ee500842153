package org.feedlab.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
        assertEquals(2000, scenario.society().users());
        assertEquals(200, scenario.society().creators());
        assertEquals(SocietyConfig.defaults().topics(), scenario.society().topics());
        assertEquals(SocietyConfig.defaults().angerDecay(), scenario.society().angerDecay());
        assertEquals("engagement", scenario.ranker().objective());
        assertEquals(RankerConfig.defaults().retrainEvery(), scenario.ranker().retrainEvery());
        assertEquals(StreamConfig.defaults(), scenario.stream());
        assertTrue(
                scenario.description().startsWith("Two-minute classroom demo: 2,000 users"),
                scenario.description());
        assertTrue(scenario.description().endsWith("outrage pays."), scenario.description());
    }

    @Test
    void givenFieldsOverrideOnlyThemselves() throws ScenarioException {
        Scenario scenario =
                ScenarioLoader.parse(
                        VALID_HEAD
                                + "society: {users: 10, feed_size: 5, anger_decay: 0.9}\n"
                                + "ranker: {objective: random, learning_rate: 0.05}\n"
                                + "stream: {partitions: 8, audit_share: 0.05}\n",
                        "t.yaml");

        SocietyConfig defaults = SocietyConfig.defaults();
        SocietyConfig expectedSociety =
                new SocietyConfig(
                        10,
                        defaults.creators(),
                        defaults.topics(),
                        defaults.followsPerUser(),
                        defaults.homophily(),
                        defaults.activity(),
                        defaults.postRate(),
                        5,
                        defaults.ideologySpread(),
                        defaults.outrageAppetite(),
                        defaults.outgroupBoost(),
                        defaults.angerPerOutrage(),
                        0.9,
                        defaults.angerTolerance(),
                        defaults.latitude(),
                        defaults.assimilation(),
                        defaults.repulsion(),
                        defaults.thermometerDrop(),
                        defaults.thermometerGain(),
                        defaults.creatorOutrage(),
                        defaults.classifierNoise(),
                        defaults.ideologyDims(),
                        defaults.youngShare(),
                        defaults.youngSusceptibility(),
                        defaults.youngActivity(),
                        defaults.sessionBudget(),
                        defaults.boredom(),
                        defaults.surveyRate(),
                        defaults.statedQuality(),
                        defaults.statedCalm(),
                        defaults.statedVariety(),
                        defaults.satisfactionMemory(),
                        defaults.returnSensitivity(),
                        defaults.satisfactionReference(),
                        defaults.churnThreshold(),
                        defaults.churnPatience(),
                        defaults.creatorLearning(),
                        defaults.creatorLearningRate(),
                        defaults.creatorNormPull(),
                        defaults.userFollowsPerUser(),
                        defaults.followRate(),
                        defaults.unfollowRate(),
                        defaults.arousalPull(),
                        defaults.absorption(),
                        defaults.habitWeight(),
                        defaults.habitReference());
        assertEquals(expectedSociety, scenario.society());
        assertEquals("random", scenario.ranker().objective());
        assertEquals(0.05, scenario.ranker().learningRate());
        assertEquals(RankerConfig.defaults().epochs(), scenario.ranker().epochs());
        assertEquals(new StreamConfig(8, 1, 0.05), scenario.stream());
        assertEquals("", scenario.description());
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
                                        + " engagement-twitter-2023, engagement,",
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
                        VALID_HEAD + "society: {creators: 10, follows_per_user: 11}\n",
                        List.of(
                                "bad.yaml: $.society.follows_per_user: expected integer ≤"
                                        + " society.creators (10), got 11")),
                Arguments.of(
                        "cross-field: no candidates",
                        VALID_HEAD + "ranker: {in_network_candidates: 0, popular_candidates: 0}\n",
                        List.of(
                                "bad.yaml: $.ranker: expected in_network_candidates +"
                                        + " popular_candidates")),
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
                SocietyConfig.defaults().followsPerUser(),
                tree.get("society").get("follows_per_user").asInt());
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
