package org.feedlab.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table of bad scenario files, each rejected with the path of the bad field, what was expected
 * and what the file held: objectives and policies included.
 */
class BadScenarioFilesTest {

    private static final String HEAD = "name: t\nseed: 1\nticks: 5\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            wrong type          | HEAD + 'ticks2: 1'                                                     | $.ticks2                     | one of the keys       | unknown key ticks2
            wrong type of users | HEAD + 'society: {users: many}'                                        | $.society.users              | integer               | "many"
            out of range        | HEAD + 'society: {activity: 1.5}'                                      | $.society.activity           | number ≤ 1            | 1.5
            unknown key         | HEAD + 'ranker: {objectiv: random}'                                    | $.ranker.objectiv            | one of the keys       | did you mean objective?
            missing seed        | 'name: t\\nticks: 5\\n'                                                  | $.seed                       | (required)            | nothing
            unknown objective   | HEAD + 'ranker: {objective: likes}'                                    | $.ranker.objective           | engagement-twitter-2023 | "likes"
            unknown term        | HEAD + 'ranker: {objective: {preset: bridging, penalty: 1}}'           | $.ranker.objective.penalty   | outrage_penalty       | unknown key penalty
            cap out of range    | HEAD + 'ranker: {objective: {outrage_cap: 2}}'                         | $.ranker.objective.outrage_cap | number ≤ 1          | 2
            unknown policy      | HEAD + 'ranker: {policies: [{type: mute-everyone}]}'                   | $.ranker.policies[0].type    | control-group         | "mute-everyone"
            policy bad param    | HEAD + 'ranker: {policies: [{type: control-group, share: 3}]}'         | $.ranker.policies[0].share   | number ≤ 1            | 3
            policy unknown key  | HEAD + 'ranker: {policies: [{type: exposure-floor, floor: 0.2}]}'      | $.ranker.policies[0].floor   | share                 | unknown key floor
            policy missing key  | HEAD + 'ranker: {policies: [{type: session-nudge}]}'                   | $.ranker.policies[0].segment | (required)            | nothing
            unknown segment     | HEAD + 'ranker: {policies: [{type: session-nudge, segment: minor}]}'   | $.ranker.policies[0].segment | a declared segment    | minor
            impossible budget   | HEAD + 'ranker: {policies: [{type: model-capacity, latency_budget_ms: 0.01, candidates: 500, flops_per_second: 1e9}]}' | $.ranker.policies[0].latency_budget_ms | at least 1.32 ms | 0.01
            capacity of linear  | HEAD + 'ranker: {model: linear, policies: [{type: model-capacity, latency_budget_ms: 1, candidates: 500, flops_per_second: 1e9}]}' | $.ranker.model | a model-capacity policy sizes that model | linear
            rerank without factor | HEAD + 'ranker: {policies: [{type: rerank, target: hostile}]}'    | $.ranker.policies[0].factor  | (required)            | nothing
            window backwards    | HEAD + 'ranker: {policies: [{type: remove-reshares, start: 5, end: 3}]}' | $.ranker.policies[0].end | a tick > start (5) | 3
            unknown training mode | HEAD + 'ranker: {training_mode: dream}'                             | $.ranker.training_mode       | log-only              | "dream"
            """)
    void isRejectedWithTheFieldNamed(
            String label, String yaml, String path, String expected, String got) {
        String text = yaml.replace("HEAD + ", HEAD).replace("'", "").replace("\\n", "\n");
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, "bad.yaml"));
        Problem first =
                e.problems().stream()
                        .filter(p -> p.path().equals(path))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(label + ": " + e.problems()));
        assertEquals(path, first.path());
        assertTrue(first.expected().contains(expected), label + ": " + first);
        assertTrue(first.got().contains(got), label + ": " + first);
    }
}
