package org.feedlab.ranker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Parsing policy declarations: every parameter read as written, every default, and every malformed
 * value named by its path, what was expected and what the file held.
 */
class PoliciesTest {

    private static Map<String, Object> spec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static FeedPolicy parse(Object... kv) {
        return Policies.parse(spec(kv), "$.p");
    }

    private static PolicyException rejected(Object... kv) {
        return assertThrows(PolicyException.class, () -> parse(kv));
    }

    private static void assertRejected(String path, String expected, String got, Object... kv) {
        PolicyException e = rejected(kv);
        assertEquals(path, e.path());
        assertEquals(expected, e.expected());
        assertEquals(got, e.got());
        assertEquals(path + ": expected " + expected + ", got " + got, e.getMessage());
    }

    @Test
    void everyParameterIsReadAsWritten() {
        assertEquals(
                new NonProfilingFeed(0.2, "popularity"),
                parse("type", "non-profiling", "share", 0.2, "order", "popularity"));
        assertEquals(
                new ChronologicalControlGroup(0.05), parse("type", "control-group", "share", 0.05));
        assertEquals(
                new OutrageDemotion(0.8, "animosity"),
                parse("type", "outrage-demotion", "strength", 0.8, "target", "animosity"));
        assertEquals(
                new WeightCap(Map.of("angry", 0.0, "comment", 2.0)),
                parse("type", "weight-cap", "caps", Map.of("angry", 0, "comment", 2.0)));
        assertEquals(
                new ReshareFriction(0.7),
                parse("type", "reshare-friction", "outrage_threshold", 0.7));
        assertEquals(
                new ViralityCircuitBreaker(50, 4),
                parse("type", "circuit-breaker", "max_reshares", 50, "max_depth", 4.0));
        assertEquals(
                new TelemetryRestriction(List.of("user", "user_x_post"), 0),
                parse("type", "telemetry-restriction", "groups", List.of("user", "user_x_post")));
        assertEquals(new ExposureFloor(0.4), parse("type", "exposure-floor", "share", 0.4));
        assertEquals(
                new SessionNudge("minor", false, 8),
                parse("type", "session-nudge", "segment", "minor", "nudge", false, "max_items", 8));
        assertEquals(new Transparency("dsa.md"), parse("type", "transparency", "file", "dsa.md"));
        assertEquals(
                new RemoveReshares(0.3, 2, 5),
                parse("type", "remove-reshares", "share", 0.3, "start", 2, "end", 5));
        assertEquals(
                new Rerank("political", 0.0, 0.6, 0.2, 1, 4),
                parse(
                        "type",
                        "rerank",
                        "target",
                        "political",
                        "factor",
                        0,
                        "threshold",
                        0.6,
                        "share",
                        0.2,
                        "start",
                        1,
                        "end",
                        4));
        assertEquals(
                new ModelCapacity(2.5, 300, 1e9),
                parse(
                        "type",
                        "model-capacity",
                        "latency_budget_ms",
                        2.5,
                        "candidates",
                        300,
                        "flops_per_second",
                        1e9));
    }

    @Test
    void leftOutParametersTakeTheirDefaults() {
        assertEquals(new ExposureFloor(0.3), parse("type", "exposure-floor"));
        assertEquals(new ReshareFriction(0.0), parse("type", "reshare-friction"));
        assertEquals(new WeightCap(Map.of()), parse("type", "weight-cap"));
        assertEquals(
                new TelemetryRestriction(List.of(), 0), parse("type", "telemetry-restriction"));
        assertEquals(new Transparency("main-parameters.md"), parse("type", "transparency"));
        assertEquals(new SessionNudge("", true, 0), parse("type", "session-nudge"));
        assertEquals(new SessionNudge("", true, 0), parse("type", "session-nudge", "nudge", true));
        assertEquals(new RemoveReshares(0.5, 0, 0), parse("type", "remove-reshares"));
        assertEquals(new RemoveReshares(0.5, 3, 0), parse("type", "remove-reshares", "start", 3));
    }

    @Test
    void valuesOfTheWrongTypeNameTheirKey() {
        assertRejected("$.p.share", "a number", "half", "type", "exposure-floor", "share", "half");
        assertRejected(
                "$.p.max_depth", "an integer", "2.5", "type", "circuit-breaker", "max_depth", 2.5);
        assertRejected(
                "$.p.max_depth",
                "an integer",
                "deep",
                "type",
                "circuit-breaker",
                "max_depth",
                "deep");
        assertRejected("$.p.segment", "a string", "7", "type", "session-nudge", "segment", 7);
        assertRejected(
                "$.p.nudge", "true or false", "yes", "type", "session-nudge", "nudge", "yes");
        assertRejected(
                "$.p.from_tick",
                "an integer ≥ 0",
                "-1",
                "type",
                "telemetry-restriction",
                "groups",
                List.of("user"),
                "from_tick",
                -1);
        assertEquals(
                new TelemetryRestriction(List.of("user_history"), 12),
                parse(
                        "type",
                        "telemetry-restriction",
                        "groups",
                        List.of("user_history"),
                        "from_tick",
                        12));
        assertRejected(
                "$.p.groups",
                "a list of strings",
                "user",
                "type",
                "telemetry-restriction",
                "groups",
                "user");
        assertRejected(
                "$.p.caps",
                "a mapping of head names to numbers",
                "[angry]",
                "type",
                "weight-cap",
                "caps",
                List.of("angry"));
        assertRejected(
                "$.p.caps.angry",
                "a number",
                "none",
                "type",
                "weight-cap",
                "caps",
                Map.of("angry", "none"));
        assertRejected("$.p.type", "one of " + Policies.TYPES, "", "share", 0.5);
        assertRejected("$.p.type", "a string", "3", "type", 3);
    }

    @Test
    void aTreatmentEndsAfterItStarts() {
        assertRejected(
                "$.p.end",
                "0 (no end) or a tick > start (4)",
                "4",
                "type",
                "remove-reshares",
                "start",
                4,
                "end",
                4);
        assertEquals(
                new RemoveReshares(0.5, 4, 5),
                parse("type", "remove-reshares", "start", 4, "end", 5));
        assertRejected(
                "$.p.end",
                "0 (no end) or a tick > start (2)",
                "1",
                "type",
                "rerank",
                "target",
                "hostile",
                "factor",
                2,
                "start",
                2,
                "end",
                1);
    }

    @Test
    void rerankNeedsAKnownClassAndAFactor() {
        assertRejected(
                "$.p.target",
                "one of [hostile, political, like-minded] (required)",
                "nothing",
                "type",
                "rerank",
                "factor",
                1);
        assertRejected(
                "$.p.target",
                "one of [hostile, political, like-minded]",
                "angry",
                "type",
                "rerank",
                "target",
                "angry",
                "factor",
                1);
        assertRejected(
                "$.p.factor",
                "a number (required)",
                "nothing",
                "type",
                "rerank",
                "target",
                "hostile");
    }

    @Test
    void modelCapacityNeedsPositiveNumbers() {
        assertRejected(
                "$.p.latency_budget_ms",
                "a number > 0",
                "0.0",
                "type",
                "model-capacity",
                "candidates",
                10,
                "flops_per_second",
                1e9);
        assertRejected(
                "$.p.candidates",
                "a number > 0",
                "-3.0",
                "type",
                "model-capacity",
                "latency_budget_ms",
                1,
                "candidates",
                -3,
                "flops_per_second",
                1e9);
        assertRejected(
                "$.p.flops_per_second",
                "a number > 0",
                "0.0",
                "type",
                "model-capacity",
                "latency_budget_ms",
                1,
                "candidates",
                10);
    }

    @Test
    void theTreatmentWindowInWords() {
        assertEquals("from tick 3 until the run ends", Intervention.window(3, 0));
        assertEquals("from tick 3 until tick 8", Intervention.window(3, 8));
    }

    @Test
    void theTreatedUsersAreThoseAnyInterventionTreats() {
        assertEquals(Optional.empty(), Intervention.treatedBy(List.of(new ExposureFloor(0.3)), 7));
        Rerank all = new Rerank("hostile", 0.5, 0.5, 1.0, 0, 0);
        RemoveReshares none = new RemoveReshares(0.0, 0, 0);
        IntPredicate everyone = Intervention.treatedBy(List.of(none, all), 7).orElseThrow();
        IntPredicate nobody = Intervention.treatedBy(List.of(none), 7).orElseThrow();
        for (int u = 0; u < 20; u++) {
            assertTrue(everyone.test(u));
            assertTrue(!nobody.test(u));
        }
    }
}
