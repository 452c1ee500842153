package org.feedlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedlab.lab.run.RunLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feedlab bench pipeline} on a small society for three ticks: the recorded inputs go through
 * a real broker and the ranking job on a MiniCluster, every feed and audit comes back with the
 * direct engine's bytes, and the last line has its fixed shape.
 */
class BenchPipelineIT {
    private static final RunLauncher NEVER =
            request -> {
                throw new AssertionError("bench must not launch a run");
            };

    /** A model from tick 1, retrained every tick, and audits: the whole job is exercised. */
    private static final String SCENARIO =
            """
            name: pipeline-it
            seed: 5
            ticks: 30
            society:
              users: 150
              creators: 30
            ranker:
              objective: engagement
              bootstrap_ticks: 1
              retrain_every: 1
            stream:
              audit_share: 0.2
            """;

    @TempDir Path temp;

    @Test
    void replayedFeedsEqualTheDirectEnginesAndTheLastLineHasItsShape() throws Exception {
        Path scenario = Files.writeString(temp.resolve("pipeline-it.yaml"), SCENARIO);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status =
                FeedLabCommand.execute(
                        NEVER,
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "bench",
                        "pipeline",
                        scenario.toString(),
                        "--ticks",
                        "3",
                        "--threads",
                        "1");
        assertEquals(0, status, out + "\n" + err);
        String text = out.toString();
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.stream().filter(l -> l.matches("tick [0-2]: .*")).count(), text);
        Matcher checked =
                Pattern.compile(
                                "checked: ([0-9,]+) feeds and ([0-9,]+) audits byte for byte equal"
                                        + " to the direct engine's, (\\d+) model versions equal, no"
                                        + " dead letters")
                        .matcher(text);
        assertTrue(checked.find(), text);
        Matcher recorded = Pattern.compile("([0-9,]+) feed requests").matcher(text);
        assertTrue(recorded.find(), text);
        // Every recorded request was answered and checked; some feeds were audited; the model
        // trained after tick 1 was announced by both engines.
        assertEquals(recorded.group(1), checked.group(1));
        assertTrue(Integer.parseInt(checked.group(1).replace(",", "")) > 50, text);
        assertTrue(Integer.parseInt(checked.group(2).replace(",", "")) > 0, text);
        assertTrue(Integer.parseInt(checked.group(3)) > 0, text);
        assertTrue(
                lines.get(lines.size() - 1)
                        .matches(
                                "pipeline: \\d+ ranked requests/s, \\d+ impressions/s, p99 feed"
                                        + " latency \\d+\\.\\d ms \\(2 ticks, 150 users\\)"),
                text);
        assertTrue(text.contains("replay, ticks 1-2 (after the first): "), text);
        assertTrue(text.contains("stream / direct over the same 2 ticks: serve wall "), text);
        assertTrue(err.toString().isEmpty(), err.toString());
    }
}
