package org.feedlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.run.RunDirectory;
import org.feedlab.lab.run.RunLauncher;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feedlab explain}: replays a run dir and explains a feed; clear errors otherwise. */
class ExplainCommandTest {
    private static final RunLauncher NEVER =
            request -> {
                throw new AssertionError("explain must not launch a run");
            };

    private static final String SCENARIO =
            "name: tiny\nseed: 3\nticks: 6\nsociety: {users: 60, creators: 30, creator_follows_per_user: 8}\n"
                    + "ranker: {objective: engagement, retrain_every: 1, bootstrap_ticks: 2}\n";

    @TempDir Path temp;

    private record Result(int status, String out, String err) {}

    private Result explain(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 1];
        full[0] = "explain";
        System.arraycopy(args, 0, full, 1, args.length);
        int status =
                FeedLabCommand.execute(NEVER, new PrintWriter(out), new PrintWriter(err), full);
        return new Result(status, out.toString(), err.toString());
    }

    private Path runDir() throws Exception {
        RunRequest request =
                new RunRequest(
                        ScenarioLoader.parse(SCENARIO, "tiny.yaml"),
                        null,
                        true,
                        List.of(),
                        Watching.metricsOnly(0),
                        true,
                        "tiny.yaml");
        RunDirectory dir = RunDirectory.create(temp.resolve("run"), temp, "tiny", 3);
        dir.writeManifest(
                Manifest.of(request, "direct", List.of(), Manifest.Pipeline.NONE, List.of()));
        return dir.path();
    }

    @Test
    void explainsAServedFeedTermByTermAndRefusesUsersWithoutASession() throws Exception {
        Path dir = runDir();
        Result served = null;
        Result absent = null;
        for (int user = 0; user < 60 && (served == null || absent == null); user++) {
            Result r = explain(dir.toString(), "--user", Integer.toString(user), "--tick", "4");
            if (r.status() == 0 && served == null) {
                served = r;
                // Replaying is deterministic: the same call prints the same bytes.
                assertEquals(
                        r.out(),
                        explain(dir.toString(), "--user", Integer.toString(user), "--tick", "4")
                                .out());
            } else if (r.status() != 0 && absent == null) {
                absent = r;
            }
        }
        assertTrue(served != null && absent != null, "expected users with and without a session");
        assertEquals(2, absent.status());
        assertTrue(absent.err().contains("has no session at tick 4"), absent.err());
        String out = served.out();
        assertTrue(out.contains("model v0004"), out);
        assertTrue(out.contains("top wide features"), out);
        // The score is the sum of the printed terms, and each prediction is the sigmoid of its
        // wide + deep logits.
        Pattern score = Pattern.compile("#\\d+ post \\d+  score (-?[0-9.]+)");
        Pattern term = Pattern.compile(" +([-+][0-9]+\\.[0-9]+)  [a-z_]+( \\S+)?");
        Pattern head =
                Pattern.compile(
                        "    [a-z]+ +(-?[0-9.]+) +([0-9.]+) +([-+][0-9.]+) +([-+][0-9.]+) +([-+][0-9.]+)");
        int checked = 0;
        Double expected = null;
        double sum = 0;
        int heads = 0;
        for (String line : (out + "#0 post 0  score 0\n").lines().toList()) {
            Matcher m;
            if ((m = score.matcher(line)).matches()) {
                if (expected != null) {
                    assertEquals(expected, sum, 1e-5, out);
                    checked++;
                }
                expected = Double.parseDouble(m.group(1));
                sum = 0;
            } else if ((m = term.matcher(line)).matches()) {
                sum += Double.parseDouble(m.group(1));
            } else if ((m = head.matcher(line)).matches()) {
                double p = Double.parseDouble(m.group(2));
                double logit = Double.parseDouble(m.group(4)) + Double.parseDouble(m.group(5));
                assertEquals(1 / (1 + Math.exp(-logit)), p, 2e-4, line);
                heads++;
            }
        }
        assertTrue(heads > 0, out);
        assertTrue(checked > 0, out);
    }

    @Test
    void badDirectoryAndTickOutOfRangeAreUsageErrors() throws Exception {
        Result noDir = explain(temp.resolve("missing").toString(), "--user", "0", "--tick", "1");
        assertEquals(2, noDir.status());
        assertTrue(noDir.err().contains("not a run directory"), noDir.err());
        Result empty = explain(temp.toString(), "--user", "0", "--tick", "1");
        assertEquals(2, empty.status());
        assertTrue(empty.err().contains("no manifest.json"), empty.err());
        Path dir = runDir();
        Result late = explain(dir.toString(), "--user", "0", "--tick", "6");
        assertEquals(2, late.status());
        assertTrue(late.err().contains("--tick: expected a tick in [0, 6)"), late.err());
        Result stranger = explain(dir.toString(), "--user", "60", "--tick", "2");
        assertEquals(2, stranger.status());
        assertTrue(stranger.err().contains("--user"), stranger.err());
    }
}
