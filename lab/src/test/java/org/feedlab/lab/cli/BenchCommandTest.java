package org.feedlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.feedlab.bench.ModelComparison;
import org.feedlab.bench.SeedScores;
import org.feedlab.lab.run.RunLauncher;
import org.feedlab.ranker.model.Heads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feedlab bench models}: a table for every model on a small society; clear usage errors. */
class BenchCommandTest {
    private static final RunLauncher NEVER =
            request -> {
                throw new AssertionError("bench must not launch a run");
            };

    private static final String SCENARIO =
            "name: tiny\nseed: 3\nticks: 6\nsociety: {users: 120, creators: 30, creator_follows_per_user: 8}\n"
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
        int status =
                FeedLabCommand.execute(NEVER, new PrintWriter(out), new PrintWriter(err), full);
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
        assertTrue(
                r.out()
                        .lines()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                "wide-deep has the best mean AUC on (10|[0-9]) of 10 heads and the best mean log loss on (10|[0-9]) of 10")),
                r.out());
        List<String> lines = r.out().lines().toList();
        assertTrue(
                lines.get(lines.size() - 1)
                        .matches(
                                "models: wide&deep better than linear on \\d+/10 heads, better than FM on \\d+/10, worse on \\d+"),
                r.out());
    }

    @Test
    void theTableIsTheSameForAnyNumberOfThreads() throws Exception {
        String scenario = Files.writeString(temp.resolve("tiny.yaml"), SCENARIO).toString();
        Result one =
                bench(scenario, "--seeds", "1", "--ticks", "4", "--epochs", "1", "--threads", "1");
        Result three =
                bench(scenario, "--seeds", "1", "--ticks", "4", "--epochs", "1", "--threads", "3");
        assertEquals(0, one.status(), one.err());
        assertEquals(one.out(), three.out());
        Result none = bench(scenario, "--threads", "0");
        assertEquals(FeedLabCommand.EXIT_USAGE, none.status());
        assertTrue(none.err().contains("--threads"), none.err());
    }

    @Test
    void savedSeedsPrintTheSameTableAsTheRunThatSavedThem() throws Exception {
        String scenario = Files.writeString(temp.resolve("tiny.yaml"), SCENARIO).toString();
        Path saved = temp.resolve("saved.jsonl");
        Result run =
                bench(
                        scenario,
                        "--seeds",
                        "1,2",
                        "--ticks",
                        "4",
                        "--epochs",
                        "1",
                        "--scores",
                        saved.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(2, Files.readAllLines(saved).size());
        Result table = bench("--from", saved.toString());
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().startsWith("held-out AUC and log loss per head"), table.out());
        // The run prints its seeds' lines, then exactly this table.
        assertTrue(run.out().endsWith(table.out()), run.out() + "\n---\n" + table.out());
    }

    @Test
    void savedSeedsMustShareOneDesignAndAppearOnce() throws Exception {
        Path four = temp.resolve("four.jsonl");
        Path five = temp.resolve("five.jsonl");
        seed(1, 4).appendTo(four);
        seed(2, 5).appendTo(five);
        Result mixed = bench("--from", four + "," + five);
        assertEquals(FeedLabCommand.EXIT_USAGE, mixed.status());
        assertTrue(
                mixed.err().contains("seed 2 comes from tiny.yaml, random objective, 5 ticks"),
                mixed.err());
        Result twice = bench("--from", four + "," + four);
        assertEquals(FeedLabCommand.EXIT_USAGE, twice.status());
        assertTrue(twice.err().contains("seed 1 is saved twice"), twice.err());
        Path unmasked = temp.resolve("unmasked.jsonl");
        SeedScores one = seed(3, 4);
        new SeedScores(
                        one.scenario(),
                        one.objective(),
                        one.ticks(),
                        one.epochs(),
                        one.seed(),
                        one.trainingExamples(),
                        one.heldOutExamples(),
                        one.heads(),
                        List.of("survey"),
                        one.models())
                .appendTo(unmasked);
        Result labels = bench("--from", four + "," + unmasked);
        assertEquals(FeedLabCommand.EXIT_USAGE, labels.status());
        assertTrue(
                labels.err()
                        .contains(
                                unmasked
                                        + ":1: heads learnt only where observed [survey], this"
                                        + " build's are [survey, return]"),
                labels.err());
        String old = Files.readString(four).replace(",\"masked\":[\"survey\",\"return\"]", "");
        Result unrecorded =
                bench("--from", Files.writeString(temp.resolve("old.jsonl"), old).toString());
        assertEquals(FeedLabCommand.EXIT_USAGE, unrecorded.status());
        assertTrue(unrecorded.err().contains("not one seed's scores"), unrecorded.err());
        Path broken = Files.writeString(temp.resolve("broken.jsonl"), "\n{\"seed\": 3}\n");
        Result bad = bench("--from", broken.toString());
        assertEquals(FeedLabCommand.EXIT_USAGE, bad.status());
        assertTrue(bad.err().contains(broken + ":2: not one seed's scores"), bad.err());
        assertEquals(0, bench("--from", four.toString()).status());
        Result ignored = bench("--from", four.toString(), "--ticks", "30");
        assertEquals(FeedLabCommand.EXIT_USAGE, ignored.status());
        assertTrue(ignored.err().contains("--ticks has no effect with it"), ignored.err());
        Result scenario = bench("--from", four.toString(), "scenarios/classroom.yaml");
        assertEquals(FeedLabCommand.EXIT_USAGE, scenario.status());
        assertTrue(scenario.err().contains("a SCENARIO has no effect"), scenario.err());
    }

    /** A seed's scores with every head at AUC 0.6 and log loss 0.4 (NaN for the survey's AUC). */
    private static SeedScores seed(long seed, int ticks) {
        int heads = Heads.names().size();
        List<SeedScores.ModelScores> models = new ArrayList<>();
        for (String m : ModelComparison.MODELS) {
            double[] auc = new double[heads];
            double[] loss = new double[heads];
            Arrays.fill(auc, 0.6);
            Arrays.fill(loss, 0.4);
            auc[Heads.SURVEY] = Double.NaN;
            models.add(new SeedScores.ModelScores(m, 0.01, auc, loss));
        }
        return new SeedScores(
                "tiny.yaml",
                "random",
                ticks,
                1,
                seed,
                100,
                10,
                Heads.names(),
                SeedScores.maskedHeads(),
                models);
    }

    @Test
    void meanOverHeadsIsTakenPerSeed() {
        // [head][seed]: seed 0 has heads 0.6 and 0.8, seed 1 has 0.7 and a head without a value.
        double[] m = BenchCommand.meanOverHeads(new double[][] {{0.6, 0.7}, {0.8, Double.NaN}}, 2);
        assertEquals(0.7, m[0], 1e-12);
        assertEquals(0.7, m[1], 1e-12);
    }

    @Test
    void pairedDifferencesGiveAVerdictOnlyWhenTheIntervalExcludesZero() {
        int heads = Heads.names().size();
        // [model][head][seed] for wide-deep and one baseline over three seeds.
        double[][][] auc = new double[2][heads][];
        double[][][] loss = new double[2][heads][];
        for (int h = 0; h < heads; h++) {
            auc[1][h] = new double[] {0.60, 0.62, 0.64};
            loss[1][h] = new double[] {0.50, 0.52, 0.54};
            // Head 0: better on every seed by about 0.01; head 1: worse by about 0.01; the rest
            // straddle zero.
            auc[0][h] =
                    h == 0
                            ? new double[] {0.61, 0.631, 0.649}
                            : h == 1
                                    ? new double[] {0.59, 0.611, 0.629}
                                    : new double[] {0.61, 0.61, 0.645};
            loss[0][h] =
                    h == 0
                            ? new double[] {0.49, 0.511, 0.529}
                            : h == 1
                                    ? new double[] {0.51, 0.531, 0.549}
                                    : new double[] {0.49, 0.53, 0.54};
        }
        StringWriter text = new StringWriter();
        List<BenchCommand.Verdicts> verdicts =
                BenchCommand.printPairedDifferences(
                        new PrintWriter(text, true), List.of("wide-deep", "linear"), auc, loss);
        List<String> lines = text.toString().lines().toList();
        // The mean over heads per seed: (0.01 - 0.01 + 8 * 0.01) / 10 = 0.008, then -0.0078 and
        // 0.0038; their mean is 0.0013 and the interval straddles 0.
        assertTrue(
                lines.get(heads + 1).startsWith("mean     vs linear | ΔAUC +0.0013 ["),
                lines.get(heads + 1));
        assertTrue(lines.get(heads + 1).endsWith("| no clear difference"), lines.get(heads + 1));
        assertEquals(1, verdicts.size());
        assertTrue(verdicts.get(0).better()[0]);
        assertTrue(verdicts.get(0).worse()[1]);
        assertTrue(lines.get(1).endsWith("| better"), lines.get(1));
        assertTrue(lines.get(1).contains("ΔAUC +0.0100"), lines.get(1));
        assertTrue(lines.get(2).endsWith("| worse"), lines.get(2));
        assertTrue(lines.get(3).endsWith("| no clear difference"), lines.get(3));
        assertEquals(
                "wide-deep vs linear: better on 1 of "
                        + heads
                        + " heads, worse on 1, no clear difference on "
                        + (heads - 2),
                lines.get(lines.size() - 1));
    }

    @Test
    void theLastLineCountsHeadsWorseThanEitherBaselineOnce() {
        boolean[] none = new boolean[4];
        BenchCommand.Verdicts linear =
                new BenchCommand.Verdicts(
                        "linear",
                        new boolean[] {true, true, false, false},
                        new boolean[] {false, false, true, true});
        BenchCommand.Verdicts fm =
                new BenchCommand.Verdicts(
                        "fm",
                        new boolean[] {true, false, false, false},
                        new boolean[] {false, true, false, true});
        // Worse than linear on heads 2 and 3, than FM on 1 and 3: head 3 counts once.
        assertEquals(
                "models: wide&deep better than linear on 2/4 heads, better than FM on 1/4, worse on 3",
                BenchCommand.modelsLine(List.of(linear, fm), 4));
        assertEquals(
                "models: wide&deep better than linear on 0/4 heads, better than FM on 0/4, worse on 0",
                BenchCommand.modelsLine(
                        List.of(
                                new BenchCommand.Verdicts("linear", none, none),
                                new BenchCommand.Verdicts("fm", none, none)),
                        4));
    }

    @Test
    void theTrainerLogsEveryTickWhateverWindowTheScenarioNames() throws Exception {
        Path plain = Files.writeString(temp.resolve("plain.yaml"), SCENARIO);
        Path shortWindow =
                Files.writeString(
                        temp.resolve("short.yaml"),
                        SCENARIO.replace(
                                "ranker: {objective: engagement}",
                                "ranker: {objective: engagement, window_ticks: 1,"
                                        + " bootstrap_ticks: 0, retrain_every: 1}"));
        String[] args = {"--seeds", "1", "--ticks", "4", "--epochs", "1"};
        String a = examplesLine(bench(concat(plain.toString(), args)));
        String b = examplesLine(bench(concat(shortWindow.toString(), args)));
        assertTrue(
                a.matches(
                        "seed 1: \\d+ training \\(\\d+ fit \\+ \\d+ validation\\), \\d+ held-out examples"),
                a);
        assertEquals(a, b);
    }

    @Test
    void scenarioIsReadByTheLoaderOfRun() throws Exception {
        Path aliased =
                Files.writeString(
                        temp.resolve("aliased.yaml"),
                        "name: &n tiny\ndescription: *n\nseed: 3\nticks: 6\n");
        Result r = bench(aliased.toString(), "--ticks", "4");
        assertEquals(FeedLabCommand.EXIT_USAGE, r.status());
        assertTrue(r.err().contains("expected plain data"), r.err());
        Path scenario = Files.writeString(temp.resolve("tiny.yaml"), SCENARIO);
        Result unknown = bench(scenario.toString(), "--objective", "likes");
        assertEquals(FeedLabCommand.EXIT_USAGE, unknown.status());
        assertTrue(unknown.err().contains("--objective"), unknown.err());
    }

    private static String examplesLine(Result r) {
        assertEquals(0, r.status(), r.err());
        return r.out().lines().filter(l -> l.startsWith("seed 1:")).findFirst().orElseThrow();
    }

    private static String[] concat(String first, String... rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
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

    private Result trecs(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 2];
        full[0] = "bench";
        full[1] = "trecs";
        System.arraycopy(args, 0, full, 2, args.length);
        int status =
                FeedLabCommand.execute(NEVER, new PrintWriter(out), new PrintWriter(err), full);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void trecsEndsWithItsFigureAndIsTheSameForAnyThreadCount() {
        Result one = trecs("--users", "40", "--items", "120", "--steps", "3", "--threads", "1");
        Result two = trecs("--users", "40", "--items", "120", "--steps", "3", "--threads", "2");
        assertEquals(0, one.status(), one.err());
        List<String> lines = one.out().lines().toList();
        assertTrue(
                lines.get(lines.size() - 1)
                        .matches("trecs: 40 users x 120 items, [0-9]+\\.[0-9]{3} s/step"),
                one.out());
        String digest =
                one.out()
                        .lines()
                        .filter(l -> l.startsWith("consumed items digest"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(two.out().contains(digest), two.out());
    }

    @Test
    void trecsRefusesBadSizes() {
        Result r = trecs("--items", "5");
        assertEquals(FeedLabCommand.EXIT_USAGE, r.status());
        assertEquals("feedlab bench trecs: --items: expected an integer ≥ 10, got 5\n", r.err());
        assertEquals("", r.out());
    }
}
