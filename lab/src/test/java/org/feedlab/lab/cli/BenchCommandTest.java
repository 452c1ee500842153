package org.feedlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.feedlab.lab.run.RunLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feedlab bench models}: a table for every model on a small society; clear usage errors. */
class BenchCommandTest {
    private static final RunLauncher NEVER =
            request -> {
                throw new AssertionError("bench must not launch a run");
            };

    private static final String SCENARIO =
            "name: tiny\nseed: 3\nticks: 6\nsociety: {users: 120, creators: 30, follows_per_user: 8}\n"
                    + "ranker: {objective: engagement}\n";

    @TempDir Path temp;

    private record Result(int status, String out, String err) {}

    private Result bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 2];
        full[0] = "bench";
        full[1] = "models";
        System.arraycopy(args, 0, full, 2, args.length);
        int status = FeedLabCommand.execute(NEVER, new PrintWriter(out), new PrintWriter(err), full);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void modelsPrintsFiniteHeldOutScoresForEveryModel() throws Exception {
        Path scenario = Files.writeString(temp.resolve("tiny.yaml"), SCENARIO);
        Result r = bench(scenario.toString(), "--seeds", "1", "--ticks", "5", "--epochs", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("learning rates chosen on validation: wide-deep"), r.out());
        String click =
                r.out().lines().filter(l -> l.startsWith("click ")).findFirst().orElseThrow();
        // Three models, each "AUC±sd / loss±sd", then the verdict: no NaN in any column.
        assertEquals(5, click.split("\\|").length, click);
        assertFalse(click.contains("NaN"), click);
        String mean = r.out().lines().filter(l -> l.startsWith("mean ")).findFirst().orElseThrow();
        assertEquals(5, mean.split("\\|").length, mean);
        assertFalse(mean.contains("NaN"), mean);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("wide-deep has the best mean AUC on [0-8] of 8 heads and the best mean log loss on [0-8] of 8")), r.out());
    }

    @Test
    void meanOverHeadsIsTakenPerSeed() {
        // [head][seed]: seed 0 has heads 0.6 and 0.8, seed 1 has 0.7 and a head without a value.
        double[] m = BenchCommand.meanOverHeads(new double[][] {{0.6, 0.7}, {0.8, Double.NaN}}, 2);
        assertEquals(0.7, m[0], 1e-12);
        assertEquals(0.7, m[1], 1e-12);
    }

    @Test
    void tooFewTicksIsAUsageError() {
        Result r = bench("--ticks", "3");
        assertEquals(FeedLabCommand.EXIT_USAGE, r.status());
        assertTrue(r.err().contains("--ticks"), r.err());
    }

    @Test
    void nonPositiveEpochsIsAUsageError() {
        Result r = bench("--epochs", "0");
        assertEquals(FeedLabCommand.EXIT_USAGE, r.status());
        assertTrue(r.err().contains("--epochs"), r.err());
    }
}
