package org.feedlab.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.feedlab.bench.BenchRunner;
import org.feedlab.bench.Machine;
import org.feedlab.bench.ModelComparison;
import org.feedlab.bench.PathLatency;
import org.feedlab.bench.RankerFixture;
import org.feedlab.bench.SeedScores;
import org.feedlab.bench.trecs.TrecsBench;
import org.feedlab.bench.trecs.TrecsConfig;
import org.feedlab.lab.bench.PipelineBench;
import org.feedlab.lab.bench.ScaleBench;
import org.feedlab.lab.engine.DirectPlatform;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.experiment.Summary;
import org.feedlab.lab.scenario.Problem;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.ranker.Objective;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TrainingConfig;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;
import org.feedlab.ranker.policy.ModelCapacity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `feedlab bench ranker|models|trecs|scale|pipeline`: the ranker's speed, its quality against
 * Tribuo's models, a T-RECS-shaped content-filtering workload, the direct engine at population
 * scale, and the embedded Kafka + Flink pipeline alone.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Benchmarks: the ranker's speed (ranker), its held-out quality (models), the"
                        + " T-RECS content-filtering workload (trecs), the society at population"
                        + " scale (scale) and the embedded Kafka + Flink pipeline alone (pipeline).",
        subcommands = {
            BenchCommand.Ranker.class,
            BenchCommand.Models.class,
            BenchCommand.Trecs.class,
            BenchCommand.Scale.class,
            BenchCommand.Pipeline.class
        })
public final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FeedLabCommand.EXIT_USAGE;
    }

    /**
     * The whole request path of one user (retrieval to the served feed) at 300 and 1,000
     * candidates, its stages, the forward pass alone, executed FLOPs and the GEMM bound.
     */
    @Command(
            name = "ranker",
            mixinStandardHelpOptions = true,
            description = {
                "The whole request path on one thread (one core): one user's request served by the"
                        + " platform's serving step (retrieval, feature extraction, the compiled"
                        + " default model, the objective, policies and the sort) at 300 and 1,000"
                        + " candidates, per-stage times, the forward pass alone (Vector API and"
                        + " scalar), bytes allocated per request, executed FLOPs per candidate and"
                        + " the measured Vector API GEMM bound. Latencies request by request in an"
                        + " HdrHistogram, throughputs by JMH (one forked JVM per benchmark); about"
                        + " 6 minutes on a loaded 2-core machine. The last line is 'ranker: <N> candidates/s/core, p50 <X> ms,"
                        + " p99 <Y> ms per 300-candidate request'.",
            })
    static final class Ranker implements Callable<Integer> {
        @Option(
                names = "--long",
                description = "Two forks, longer iterations and latency runs (about 20 min).")
        boolean thorough;

        @Option(names = "--verbose", description = "Show JMH's own output.")
        boolean verbose;

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            BenchRunner.Settings settings =
                    thorough ? BenchRunner.Settings.thorough() : BenchRunner.Settings.quick();
            out.printf(Locale.ROOT, "machine: %s%n", Machine.current());
            out.printf(
                    Locale.ROOT,
                    "timed on one thread (one core): latency runs in this JVM, %d s warm-up then %d"
                            + " s of requests back to back, each timed (HdrHistogram); JMH: %d"
                            + " fork(s), %d warm-up + %d measured iterations of %d s per benchmark%n",
                    settings.latencyWarmupSeconds(),
                    settings.latencySeconds(),
                    settings.forks(),
                    settings.warmups(),
                    settings.iterations(),
                    settings.seconds());
            out.flush();
            BenchRunner.Figures f = BenchRunner.run(settings, verbose);
            BenchRunner.Gemm g = f.gemm();
            out.printf(
                    Locale.ROOT,
                    "model: wide&deep, hidden %s, %d features, %d heads, trained on 6,000"
                            + " impressions of a synthetic history (%s pass); ranker: engagement"
                            + " objective, no policy, a feed of %d items%n",
                    Arrays.toString(f.hiddenSizes()),
                    Feature.count(),
                    Heads.names().size(),
                    f.forwardPass(),
                    RankerFixture.FEED_SIZE);
            out.printf(
                    Locale.ROOT,
                    "GEMM bound, 500x128 by 128x128 float, one core: Vector API mul+add %.1f GFLOP/s,"
                            + " Vector API fma %.1f GFLOP/s, plain Java %.1f GFLOP/s%n",
                    g.vectorMulAdd() / 1e9,
                    g.vectorFma() / 1e9,
                    g.plainJava() / 1e9);
            for (BenchRunner.PathFigures p : f.paths()) {
                printPath(out, p, g);
            }
            BenchRunner.PathFigures first = f.paths().get(0);
            out.printf(
                    Locale.ROOT,
                    "scalar forward pass (-D%s=true), %d candidates: %,d candidates/s/core%n",
                    WideDeepScorer.SCALAR_PROPERTY,
                    first.candidates(),
                    Math.round(first.candidatesPerSecond(f.scalarForward())));
            long capacityCount =
                    ModelCapacity.flopsPerCandidate(
                            Arrays.stream(f.hiddenSizes()).boxed().toList());
            out.printf(
                    Locale.ROOT,
                    "flops_per_second for the model-capacity policy: %.3g (forward pass"
                            + " candidates/s/core x %d, the policy's own count for this model)%n",
                    first.candidatesPerSecond(first.stages().forward()) * capacityCount,
                    capacityCount);
            out.printf(Locale.ROOT, "machine at the end: %s%n", Machine.current());
            out.println(first.latency().line());
            return 0;
        }

        private static void printPath(
                PrintWriter out, BenchRunner.PathFigures p, BenchRunner.Gemm g) {
            BenchRunner.Stages s = p.stages();
            int c = p.candidates();
            out.printf(
                    Locale.ROOT,
                    "%d candidates: executed FLOPs per candidate %.0f (%.1f non-zero slots; non-zero"
                            + " and hashed slots gathered and added, user-side products once per"
                            + " request, dense layers in full)%n",
                    c,
                    p.flopsPerCandidate(),
                    p.meanNonZero());
            out.printf(
                    Locale.ROOT,
                    "%d candidates: µs per request (JMH): retrieval %.1f, feature extraction %.1f,"
                            + " forward pass %.1f, objective + policies + sort + feed %.1f (the"
                            + " rest), whole path %.1f%n",
                    c,
                    BenchRunner.PathFigures.micros(s.retrieval()),
                    BenchRunner.PathFigures.micros(s.features()),
                    BenchRunner.PathFigures.micros(s.forward()),
                    p.restMicros(),
                    BenchRunner.PathFigures.micros(s.whole()));
            out.printf(
                    Locale.ROOT,
                    "%d candidates: whole path %,d candidates/s/core (JMH), model arithmetic %.2f"
                            + " GFLOP/s, %.1f %% of the mul+add bound; forward pass alone %,d"
                            + " candidates/s/core, %.2f GFLOP/s executed, %.1f %% of the bound%n",
                    c,
                    Math.round(p.candidatesPerSecond(s.whole())),
                    p.wholeFlopsPerSecond() / 1e9,
                    100.0 * g.shareOfBound(p.wholeFlopsPerSecond()),
                    Math.round(p.candidatesPerSecond(s.forward())),
                    p.forwardFlopsPerSecond() / 1e9,
                    100.0 * g.shareOfBound(p.forwardFlopsPerSecond()));
            out.printf(
                    Locale.ROOT,
                    "%d candidates: allocated per request %,.0f bytes by the whole path, %.1f by the"
                            + " forward pass (JMH gc profiler, gc.alloc.rate.norm)%n",
                    c,
                    p.wholeBytes(),
                    p.forwardBytes());
            PathLatency.Measurement m = p.latency();
            out.printf(
                    Locale.ROOT,
                    "%d candidates: whole path request by request: %,d requests in %.1f s, %,d"
                            + " candidates/s/core; latency p50 %.3f ms, p90 %.3f ms, p99 %.3f ms,"
                            + " p99.9 %.3f ms, max %.3f ms%n",
                    c,
                    m.requests(),
                    m.elapsedNanos() / 1e9,
                    Math.round(m.candidatesPerSecondPerCore()),
                    m.percentileMillis(50),
                    m.percentileMillis(90),
                    m.percentileMillis(99),
                    m.percentileMillis(99.9),
                    m.percentileMillis(100));
            out.flush();
        }
    }

    /**
     * Held-out per-head AUC and log loss of wide&amp;deep, Tribuo's linear SGD and Tribuo's FM on
     * the same logs of the simulator (direct engine), averaged over seeds.
     */
    @Command(
            name = "models",
            mixinStandardHelpOptions = true,
            description = {
                "Simulates a scenario for a few ticks under a model-free objective (direct engine),"
                        + " trains wide&deep, Tribuo linear SGD and Tribuo FM (minibatch 1) on the"
                        + " logs of all ticks but the last two, and prints held-out per-head AUC and"
                        + " log loss on the last two ticks, averaged over seeds.",
            })
    static final class Models implements Callable<Integer> {
        @Parameters(
                paramLabel = "SCENARIO",
                arity = "0..1",
                description =
                        "Scenario whose society and ranker settings are used (default: scenarios/classroom.yaml).")
        Path scenarioFile = Path.of("scenarios", "classroom.yaml");

        @Option(names = "--seeds", split = ",", description = "Seeds (default: 1,2,3).")
        List<Long> seeds = List.of(1L, 2L, 3L);

        @Option(names = "--ticks", description = "Ticks simulated per seed (default: 10).")
        int ticks = 10;

        @Option(
                names = "--epochs",
                description =
                        "SGD epochs for every model (default: the scenario's training epochs, the"
                                + " passes each of the platform's retrainings makes).")
        Integer epochs;

        @Option(
                names = "--objective",
                description =
                        "Objective that orders the logged feeds: random (default) or any model-free preset.")
        String objective = "random";

        @Option(
                names = "--threads",
                description =
                        "Models trained at once (default: 1; results do not change). Each holds"
                                + " its own copy of the training data: on a month of logs two"
                                + " threads overflowed a 14 GB heap.")
        int threads = 1;

        @Option(
                names = "--scores",
                paramLabel = "FILE",
                description =
                        "Appends each seed's held-out scores to FILE (one JSON line) as soon as the"
                                + " seed is done, so that a long comparison keeps the seeds it"
                                + " finished.")
        Path scoresFile;

        @Option(
                names = "--from",
                split = ",",
                paramLabel = "FILE",
                description =
                        "Prints the table of the seeds saved by --scores in these files, without"
                                + " simulating or training; every seed must share one scenario,"
                                + " objective, ticks and epochs.")
        List<Path> from = List.of();

        /** Options that decide what is simulated and trained: refused with --from. */
        static final List<String> SIMULATION_OPTIONS =
                List.of("--seeds", "--ticks", "--epochs", "--objective", "--threads", "--scores");

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (threads < 1) {
                err.println(
                        "feedlab bench models: --threads: expected an integer ≥ 1, got " + threads);
                return FeedLabCommand.EXIT_USAGE;
            }
            if (ticks < 4) {
                err.println("feedlab bench models: --ticks: expected an integer ≥ 4, got " + ticks);
                return FeedLabCommand.EXIT_USAGE;
            }
            if (epochs != null && epochs < 1) {
                err.println(
                        "feedlab bench models: --epochs: expected a positive integer, got "
                                + epochs);
                return FeedLabCommand.EXIT_USAGE;
            }
            if (seeds.isEmpty()) {
                err.println("feedlab bench models: --seeds: expected at least one seed");
                return FeedLabCommand.EXIT_USAGE;
            }
            List<SeedScores> scores;
            if (!from.isEmpty()) {
                var parsed = spec.commandLine().getParseResult();
                String ignored =
                        SIMULATION_OPTIONS.stream()
                                .filter(parsed::hasMatchedOption)
                                .findFirst()
                                .orElse(parsed.hasMatchedPositional(0) ? "a SCENARIO" : null);
                if (ignored != null) {
                    err.println(
                            "feedlab bench models: --from prints the saved seeds as they were"
                                    + " run; "
                                    + ignored
                                    + " has no effect with it");
                    return FeedLabCommand.EXIT_USAGE;
                }
                try {
                    scores = saved(from);
                } catch (IllegalArgumentException | IOException e) {
                    err.println("feedlab bench models: --from: " + e.getMessage());
                    return FeedLabCommand.EXIT_USAGE;
                }
            } else {
                Scenario base;
                try {
                    base = logging(scenarioFile, objective, ticks);
                } catch (ScenarioException e) {
                    err.println(e.getMessage());
                    return FeedLabCommand.EXIT_USAGE;
                }
                scores = new ArrayList<>();
                for (long seed : seeds) {
                    SeedScores one = compare(base, seed, out);
                    if (scoresFile != null) {
                        one.appendTo(scoresFile);
                    }
                    scores.add(one);
                }
            }
            printTable(out, scores);
            return 0;
        }

        /** Simulates one seed, trains and scores every model, prints its log lines. */
        private SeedScores compare(Scenario base, long seed, PrintWriter out) throws Exception {
            int epochs = this.epochs != null ? this.epochs : base.ranker().training().epochs();
            Scenario s = base.withSeed(seed);
            Logs logs = log(s, ticks);
            int training = logs.fit().size() + logs.validation().size();
            int heldOut = logs.test().size();
            out.printf(
                    Locale.ROOT,
                    "seed %d: %d training (%d fit + %d validation), %d held-out examples%n",
                    seed,
                    training,
                    logs.fit().size(),
                    logs.validation().size(),
                    heldOut);
            out.flush();
            Map<String, ModelComparison.Result> results =
                    ModelComparison.compare(
                            logs.fit(),
                            logs.validation(),
                            logs.test(),
                            Feature.names(),
                            s.ranker(),
                            epochs,
                            seed,
                            threads);
            List<String> chosen = new ArrayList<>();
            List<SeedScores.ModelScores> models = new ArrayList<>();
            int heads = Heads.names().size();
            for (String model : ModelComparison.MODELS) {
                ModelComparison.Result r = results.get(model);
                chosen.add(String.format(Locale.ROOT, "%s %s", r.model(), r.learningRate()));
                double[] auc = new double[heads];
                double[] loss = new double[heads];
                for (int h = 0; h < heads; h++) {
                    auc[h] = r.scores()[h].auc();
                    loss[h] = r.scores()[h].logLoss();
                }
                models.add(new SeedScores.ModelScores(model, r.learningRate(), auc, loss));
            }
            out.println("  learning rates chosen on validation: " + String.join(", ", chosen));
            out.flush();
            return new SeedScores(
                    scenarioFile.getFileName().toString(),
                    objective,
                    ticks,
                    epochs,
                    seed,
                    training,
                    heldOut,
                    Heads.names(),
                    SeedScores.maskedHeads(),
                    models);
        }
    }

    /** A logging run's examples: fit ticks, the validation tick and the two test ticks. */
    record Logs(
            List<TrainingExample> fit,
            List<TrainingExample> validation,
            List<TrainingExample> test) {}

    /**
     * Simulates {@code s} for {@code ticks} ticks on the direct platform and takes its logs. The
     * platform is unreachable once this returns, so the comparison, which empties the lists once it
     * has standardised them, leaves the raw examples to the collector while the models train.
     */
    static Logs log(Scenario s, int ticks) throws Exception {
        DirectPlatform platform =
                new DirectPlatform(s.ranker(), s.society().population().topics(), s.seed());
        SimulationRun.run(s.society(), s.seed(), s.ticks(), platform, List.of());
        var trainer = platform.replay().trainer();
        return new Logs(
                trainer.windowExamples(0, ticks - 3),
                trainer.windowExamples(ticks - 3, ticks - 2),
                trainer.windowExamples(ticks - 2, ticks));
    }

    /**
     * The seeds saved in {@code files}, in file order: every one of this build's heads and models,
     * one design, no seed twice.
     */
    static List<SeedScores> saved(List<Path> files) throws IOException {
        List<SeedScores> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(SeedScores.read(f));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no seed's scores in " + files);
        }
        Set<Long> seen = new HashSet<>();
        for (SeedScores s : all) {
            if (!s.design().equals(all.get(0).design())) {
                throw new IllegalArgumentException(
                        "seed "
                                + s.seed()
                                + " comes from "
                                + s.design()
                                + ", seed "
                                + all.get(0).seed()
                                + " from "
                                + all.get(0).design());
            }
            if (!seen.add(s.seed())) {
                throw new IllegalArgumentException("seed " + s.seed() + " is saved twice");
            }
        }
        return all;
    }

    /** The comparison's table over the seeds, the paired differences and the last line. */
    static void printTable(PrintWriter out, List<SeedScores> scores) {
        List<String> models = ModelComparison.MODELS;
        int heads = Heads.names().size();
        int n = scores.size();
        // [model][head][seed] AUC and log loss; NaN when a head had no positive in the test.
        double[][][] auc = new double[models.size()][heads][n];
        double[][][] loss = new double[models.size()][heads][n];
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            SeedScores s = scores.get(k);
            seeds.add(s.seed());
            for (int mi = 0; mi < models.size(); mi++) {
                for (int h = 0; h < heads; h++) {
                    auc[mi][h][k] = s.models().get(mi).auc()[h];
                    loss[mi][h][k] = s.models().get(mi).logLoss()[h];
                }
            }
        }
        SeedScores first = scores.get(0);
        int ticks = first.ticks();
        out.printf(
                Locale.ROOT,
                "held-out AUC and log loss per head: mean ± sd over seeds %s (%s objective, %d ticks, "
                        + "%d epochs; train = ticks 0-%d, test = ticks %d-%d)%n",
                seeds,
                first.objective(),
                ticks,
                first.epochs(),
                ticks - 3,
                ticks - 2,
                ticks - 1);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s", "head"));
        for (String m : models) {
            header.append(String.format(Locale.ROOT, " | %-31s", m + " AUC / log loss"));
        }
        header.append(" | wide-deep best?");
        out.println(header);
        int aucWins = 0;
        int lossWins = 0;
        for (int h = 0; h < heads; h++) {
            double[][] headAuc = new double[models.size()][];
            double[][] headLoss = new double[models.size()][];
            for (int mi = 0; mi < models.size(); mi++) {
                headAuc[mi] = auc[mi][h];
                headLoss[mi] = loss[mi][h];
            }
            boolean[] best = printRow(out, Heads.names().get(h), headAuc, headLoss);
            aucWins += best[0] ? 1 : 0;
            lossWins += best[1] ? 1 : 0;
        }
        // Mean over heads, taken per seed so that its spread is over seeds like the rows above.
        double[][] meanAuc = new double[models.size()][];
        double[][] meanLoss = new double[models.size()][];
        for (int mi = 0; mi < models.size(); mi++) {
            meanAuc[mi] = meanOverHeads(auc[mi], n);
            meanLoss[mi] = meanOverHeads(loss[mi], n);
        }
        printRow(out, "mean", meanAuc, meanLoss);
        out.printf(
                Locale.ROOT,
                "wide-deep has the best mean AUC on %d of %d heads and the best mean log loss on %d of %d%n",
                aucWins,
                heads,
                lossWins,
                heads);
        out.println(modelsLine(printPairedDifferences(out, models, auc, loss), heads));
    }

    /**
     * T-RECS's content-filtering workload (Lucherini et al. 2021) in Java: users shown the top
     * items by predicted score over all items, consuming their true favourite among them, profiles
     * refit by NNLS every step.
     */
    @Command(
            name = "trecs",
            mixinStandardHelpOptions = true,
            description = {
                "T-RECS's ContentFiltering workload: every step each user is shown the 10 items with"
                        + " the highest predicted score over all items, consumes the one with the"
                        + " highest true score, and every estimated profile is refit by NNLS on the"
                        + " user's cumulative interactions. Prints seconds per step; the last line is"
                        + " 'trecs: <users> users x <items> items, <S> s/step'.",
            })
    static final class Trecs implements Callable<Integer> {
        @Option(names = "--users", description = "Users (default: 10000).")
        int users = TrecsConfig.defaults().users();

        @Option(names = "--items", description = "Items (default: 10000).")
        int items = TrecsConfig.defaults().items();

        @Option(names = "--steps", description = "Steps (default: 50).")
        int steps = TrecsConfig.defaults().steps();

        @Option(
                names = "--threads",
                description = "Threads (default: the machine's processors; results do not change).")
        int threads = Runtime.getRuntime().availableProcessors();

        @Option(names = "--seed", description = "Seed (default: 1).")
        long seed = TrecsConfig.defaults().seed();

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            TrecsConfig d = TrecsConfig.defaults();
            String bad =
                    users < 1
                            ? "--users: expected an integer ≥ 1, got " + users
                            : items < d.shown()
                                    ? "--items: expected an integer ≥ "
                                            + d.shown()
                                            + ", got "
                                            + items
                                    : steps < 1
                                            ? "--steps: expected an integer ≥ 1, got " + steps
                                            : threads < 1
                                                    ? "--threads: expected an integer ≥ 1, got "
                                                            + threads
                                                    : null;
            if (bad != null) {
                err.println("feedlab bench trecs: " + bad);
                return FeedLabCommand.EXIT_USAGE;
            }
            TrecsConfig config =
                    new TrecsConfig(users, items, d.attributes(), d.shown(), steps, seed);
            out.printf(
                    Locale.ROOT,
                    "content filtering (T-RECS ContentFiltering): %d users, %d items, %d binary"
                            + " attributes, top %d shown, %d steps, seed %d, %d threads%n",
                    users,
                    items,
                    config.attributes(),
                    config.shown(),
                    steps,
                    seed,
                    threads);
            out.flush();
            TrecsBench.Result r = TrecsBench.run(config, threads);
            double[] s = r.stepSeconds();
            out.printf(
                    Locale.ROOT,
                    "setup (items, true profiles, Gram matrix): %.3f s; steps: first %.3f s,"
                            + " median %.3f s, last %.3f s%n",
                    r.setupSeconds(),
                    s[0],
                    r.medianStepSeconds(),
                    s[s.length - 1]);
            out.printf(
                    Locale.ROOT,
                    "CPU time (whole process, all threads): %.3f s per step%n",
                    r.cpuSeconds() / steps);
            out.printf(
                    Locale.ROOT,
                    "mean true score of consumed items: step 1 %.4f, step %d %.4f%n",
                    r.meanTrueScore()[0],
                    steps,
                    r.meanTrueScore()[steps - 1]);
            out.printf(
                    Locale.ROOT,
                    "consumed items digest: %016x (the same for any --threads)%n",
                    r.digest());
            out.printf(
                    Locale.ROOT,
                    "trecs: %d users x %d items, %.3f s/step%n",
                    users,
                    items,
                    r.secondsPerStep());
            return 0;
        }
    }

    /** Which heads wide&amp;deep is better and worse on against one baseline. */
    record Verdicts(String baseline, boolean[] better, boolean[] worse) {
        /** How many of {@code which} are set. */
        static int count(boolean[] which) {
            int n = 0;
            for (boolean b : which) {
                n += b ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * The direct engine at population scale: user-steps per second and the heap needed at each
     * size, one size after the other in this JVM.
     */
    @Command(
            name = "scale",
            mixinStandardHelpOptions = true,
            description = {
                "Runs a scenario (default: scenarios/scale-100k.yaml, a reverse-chronological feed"
                        + " without training) on the direct engine at each population size, creators"
                        + " in the scenario's proportion, for a few ticks, and prints per size the"
                        + " wall time of every tick (the whole story of a tick: the night, posting,"
                        + " sessions, the platform's replay, training when the scenario trains,"
                        + " serving, reading, the metrics), user-steps per second (users x ticks /"
                        + " wall time), the platform's share, and the heap in use at its peak (GC"
                        + " notifications and tick-end samples). Population setup is timed apart."
                        + " The last line is 'scale: <N> users <R> user-steps/s, ...' (after the"
                        + " first tick). 1,000,000 users need more than 6 GB of heap: set"
                        + " FEEDLAB_JAVA_OPTS=-Xmx12g.",
            })
    static final class Scale implements Callable<Integer> {
        @Parameters(
                paramLabel = "SCENARIO",
                arity = "0..1",
                description = "Scenario to run (default: scenarios/scale-100k.yaml).")
        Path scenarioFile = Path.of("scenarios", "scale-100k.yaml");

        @Option(
                names = "--users",
                split = ",",
                description = "Population sizes (default: 10000,100000,1000000).")
        List<Integer> users = List.of(10_000, 100_000, 1_000_000);

        @Option(names = "--ticks", description = "Ticks per size (default: 3).")
        int ticks = 3;

        @Option(
                names = "--threads",
                description = "Threads (default: the machine's processors; results do not change).")
        int threads = Runtime.getRuntime().availableProcessors();

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String bad =
                    users.isEmpty() || users.stream().anyMatch(u -> u == null || u < 2)
                            ? "--users: expected integers ≥ 2, got " + users
                            : ticks < 1
                                    ? "--ticks: expected an integer ≥ 1, got " + ticks
                                    : threads < 1
                                            ? "--threads: expected an integer ≥ 1, got " + threads
                                            : null;
            if (bad != null) {
                err.println("feedlab bench scale: " + bad);
                return FeedLabCommand.EXIT_USAGE;
            }
            Scenario base;
            try {
                base = ScenarioLoader.load(scenarioFile).withTicks(ticks);
            } catch (ScenarioException e) {
                err.println(e.getMessage());
                return FeedLabCommand.EXIT_USAGE;
            }
            out.printf(Locale.ROOT, "machine: %s%n", Machine.current());
            out.printf(
                    Locale.ROOT,
                    "scenario: %s (objective %s, %s), %d ticks per size, %d threads, heap limit"
                            + " %.1f GB; timed: each tick's whole story on the direct engine,"
                            + " after the population and follow graph are built%n",
                    scenarioFile,
                    base.ranker().objective().name(),
                    base.ranker().training().retrainEvery() > 0
                            ? "training every " + base.ranker().training().retrainEvery() + " ticks"
                            : "no training",
                    ticks,
                    threads,
                    Runtime.getRuntime().maxMemory() / 1e9);
            out.flush();
            List<ScaleBench.Result> results = new ArrayList<>();
            List<Integer> didNotFit = new ArrayList<>();
            for (int n : users) {
                Scenario sized = ScaleBench.sized(base, n);
                try {
                    ScaleBench.Result r = ScaleBench.run(sized, threads);
                    results.add(r);
                    out.println(r.line());
                } catch (OutOfMemoryError e) {
                    didNotFit.add(n);
                    out.printf(
                            Locale.ROOT,
                            "%,d users: did not fit in %.1f GB of heap (OutOfMemoryError: %s)%n",
                            n,
                            Runtime.getRuntime().maxMemory() / 1e9,
                            e.getMessage());
                }
                out.flush();
                // The next size starts from an empty heap, so its peak is its own.
                System.gc();
            }
            out.printf(Locale.ROOT, "machine at the end: %s%n", Machine.current());
            out.println(ScaleBench.lastLine(results, didNotFit));
            return 0;
        }
    }

    /**
     * The embedded Kafka + Flink pipeline alone: a scenario's platform inputs recorded on the
     * direct engine, replayed through the stream engine, timed tick by tick.
     */
    @Command(
            name = "pipeline",
            mixinStandardHelpOptions = true,
            description = {
                "The embedded Kafka + Flink pipeline alone. Runs the scenario's society for a few"
                        + " ticks on the direct engine and records the platform's inputs of every"
                        + " tick (posts, feed requests, impressions, as the society hands them to the"
                        + " platform; not timed), then starts the stream engine as 'feedlab run'"
                        + " does (a Kafka broker in a child process, a Flink MiniCluster in this"
                        + " JVM, the ranking job) and replays the recorded inputs through it tick by"
                        + " tick. Timed: each tick's serve (producing the records and tick-end"
                        + " markers, the job's replay, training and scoring, reading the feeds"
                        + " back); the startup and the stop with a savepoint apart. Feed latency:"
                        + " from the tick's producer flush (every record and marker acknowledged by"
                        + " the broker) to the poll that read the feed. CPU of this JVM and of the"
                        + " broker's JVM apart, and the direct engine's serve on the same inputs for"
                        + " comparison. Every replayed feed, audit and model version must"
                        + " have the direct engine's bytes, or the bench fails. The last line is"
                        + " 'pipeline: <R> ranked requests/s, <I> impressions/s, p99 feed latency"
                        + " <X> ms (<T> ticks, <U> users)', over the ticks after the first (tick 0"
                        + " also deploys the job's tasks).",
            })
    static final class Pipeline implements Callable<Integer> {
        @Parameters(
                paramLabel = "SCENARIO",
                arity = "0..1",
                description = "Scenario to replay (default: scenarios/classroom.yaml).")
        Path scenarioFile = Path.of("scenarios", "classroom.yaml");

        @Option(names = "--ticks", description = "Ticks recorded and replayed (default: 8).")
        int ticks = 8;

        @Option(
                names = "--threads",
                description =
                        "Threads of the recording run on the direct engine (default: the"
                                + " machine's processors; the inputs do not change with it).")
        int threads = Runtime.getRuntime().availableProcessors();

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String bad =
                    ticks < 1
                            ? "--ticks: expected an integer ≥ 1, got " + ticks
                            : threads < 1
                                    ? "--threads: expected an integer ≥ 1, got " + threads
                                    : null;
            if (bad != null) {
                err.println("feedlab bench pipeline: " + bad);
                return FeedLabCommand.EXIT_USAGE;
            }
            Scenario s;
            try {
                s = ScenarioLoader.load(scenarioFile).withTicks(ticks);
                RunCommand.checkEngine(s, scenarioFile.toString(), false);
            } catch (ScenarioException e) {
                err.println(e.getMessage());
                return FeedLabCommand.EXIT_USAGE;
            }
            out.printf(Locale.ROOT, "machine: %s%n", Machine.current());
            out.printf(
                    Locale.ROOT,
                    "scenario: %s (%,d users, objective %s, %s), %d ticks, seed %d; stream: %d"
                            + " partitions, parallelism %d, audit share %s; heap limit %.1f GB%n",
                    scenarioFile,
                    s.society().population().users(),
                    s.ranker().objective().name(),
                    s.ranker().training().retrainEvery() > 0
                            ? "training every " + s.ranker().training().retrainEvery() + " ticks"
                            : "no training",
                    ticks,
                    s.seed(),
                    s.stream().partitions(),
                    s.stream().parallelism(),
                    s.stream().auditShare(),
                    Runtime.getRuntime().maxMemory() / 1e9);
            out.flush();
            PipelineBench.Recording recording = PipelineBench.record(s, threads);
            long posts = 0;
            long requests = 0;
            long impressions = 0;
            for (PipelineBench.RecordedTick t : recording.ticks()) {
                posts += t.posts().size();
                requests += t.requests().size();
                impressions += t.impressions().size();
            }
            out.printf(
                    Locale.ROOT,
                    "recorded on the direct engine (society and platform, %d threads; not timed):"
                            + " %d ticks in %.1f s, %,d posts, %,d feed requests, %,d impressions%n",
                    threads,
                    recording.ticks().size(),
                    recording.seconds(),
                    posts,
                    requests,
                    impressions);
            StringBuilder serves = new StringBuilder();
            for (PipelineBench.RecordedTick t : recording.ticks()) {
                serves.append(serves.length() == 0 ? "" : " ")
                        .append(String.format(Locale.ROOT, "%.2f", t.serveNanos() / 1e9));
            }
            out.printf(
                    Locale.ROOT,
                    "direct engine's serve, the same platform work in-process (replay, training,"
                            + " serving on %d threads): ticks %s s; %.2f s wall, %.2f s CPU in all%n",
                    threads,
                    serves,
                    recording.serveNanos(0) / 1e9,
                    recording.serveCpuNanos(0) / 1e9);
            out.println(
                    "timed: each tick's serve on the stream engine with the recorded inputs"
                            + " (producing posts, requests, impressions and tick-end markers to"
                            + " Kafka; the ranking job's replay, training and scoring on the Flink"
                            + " MiniCluster, checkpoints included; reading the feeds back); feed"
                            + " latency from the tick's producer flush to the poll that read the"
                            + " feed; CPU of this JVM (MiniCluster, Kafka clients, JSON, GC, JIT;"
                            + " the society does not run) and of the broker's child JVM, apart");
            out.flush();
            Path work = PipelineBench.workDirectory();
            PipelineBench.Result r;
            try {
                r = PipelineBench.replay(s, recording, work);
            } catch (PipelineBench.Mismatch e) {
                err.println(
                        "feedlab bench pipeline: the stream engine did not answer like the direct"
                                + " engine, so nothing was measured: "
                                + e.getMessage());
                return 1;
            } finally {
                if (!PipelineBench.deleteWork(work)) {
                    err.println("feedlab bench pipeline: could not delete " + work);
                }
            }
            printPipeline(out, recording, r);
            return 0;
        }
    }

    /** Prints the pipeline bench's figures, its check and its last line. */
    static void printPipeline(
            PrintWriter out, PipelineBench.Recording recording, PipelineBench.Result r) {
        out.printf(
                Locale.ROOT,
                "startup (broker in a child JVM, topics, MiniCluster, job submitted): %.1f s%n",
                r.startupSeconds());
        for (int k = 0; k < r.ticks().size(); k++) {
            out.println(r.ticks().get(k).line("tick " + k));
        }
        PipelineBench.Span all = r.all();
        out.println(all.line("replay, all " + all.ticks() + " ticks"));
        if (r.ticks().size() > 1) {
            out.println(
                    r.afterFirst()
                            .line(
                                    "replay, ticks 1-"
                                            + (r.ticks().size() - 1)
                                            + " (after the first)"));
        }
        out.println(PipelineBench.comparison(recording, r));
        out.printf(Locale.ROOT, "stop with a savepoint: %.1f s%n", r.stopSeconds());
        out.printf(
                Locale.ROOT,
                "checked: %,d feeds and %,d audits byte for byte equal to the direct engine's, %d"
                        + " model versions equal, no dead letters%n",
                r.feedsChecked(),
                r.auditsChecked(),
                r.modelVersions());
        out.printf(Locale.ROOT, "machine at the end: %s%n", Machine.current());
        out.println(r.lastLine());
        out.flush();
    }

    /**
     * Prints, per baseline, the paired difference wide&amp;deep − baseline for each head and for
     * the mean over heads (taken per seed), with 95 % t-intervals over seeds. A head is "better"
     * when the AUC interval lies above 0 and the log-loss interval below 0, "worse" when both lie
     * on the other side.
     *
     * @return per baseline (models after the first), the heads wide&amp;deep is better and worse on
     */
    static List<Verdicts> printPairedDifferences(
            PrintWriter out, List<String> models, double[][][] auc, double[][][] loss) {
        int heads = Heads.names().size();
        out.println(
                "paired difference wide-deep − baseline per head, mean [95 % t-interval over seeds];"
                        + " AUC higher and log loss lower is better");
        List<Verdicts> all = new ArrayList<>();
        for (int mi = 1; mi < models.size(); mi++) {
            boolean[] better = new boolean[heads];
            boolean[] worse = new boolean[heads];
            for (int h = 0; h < heads; h++) {
                int v =
                        printPaired(
                                out,
                                Heads.names().get(h),
                                models.get(mi),
                                difference(auc[0][h], auc[mi][h]),
                                difference(loss[0][h], loss[mi][h]));
                better[h] = v > 0;
                worse[h] = v < 0;
            }
            int seeds = auc[0][0].length;
            printPaired(
                    out,
                    "mean",
                    models.get(mi),
                    difference(meanOverHeads(auc[0], seeds), meanOverHeads(auc[mi], seeds)),
                    difference(meanOverHeads(loss[0], seeds), meanOverHeads(loss[mi], seeds)));
            Verdicts v = new Verdicts(models.get(mi), better, worse);
            out.printf(
                    Locale.ROOT,
                    "wide-deep vs %s: better on %d of %d heads, worse on %d, no clear difference on %d%n",
                    models.get(mi),
                    Verdicts.count(better),
                    heads,
                    Verdicts.count(worse),
                    heads - Verdicts.count(better) - Verdicts.count(worse));
            all.add(v);
        }
        return all;
    }

    /** One row of paired differences; returns 1 when better, -1 when worse, 0 otherwise. */
    private static int printPaired(
            PrintWriter out, String row, String baseline, double[] dAuc, double[] dLoss) {
        double[] a = Summary.meanAndHalfWidth(Arrays.stream(dAuc).boxed().toList());
        double[] l = Summary.meanAndHalfWidth(Arrays.stream(dLoss).boxed().toList());
        int verdict =
                a[0] - a[1] > 0 && l[0] + l[1] < 0
                        ? 1
                        : a[0] + a[1] < 0 && l[0] - l[1] > 0 ? -1 : 0;
        out.printf(
                Locale.ROOT,
                "%-8s vs %-6s | ΔAUC %+.4f [%+.4f, %+.4f] | Δlog loss %+.4f [%+.4f, %+.4f] | %s%n",
                row,
                baseline,
                a[0],
                a[0] - a[1],
                a[0] + a[1],
                l[0],
                l[0] - l[1],
                l[0] + l[1],
                verdict > 0 ? "better" : verdict < 0 ? "worse" : "no clear difference");
        return verdict;
    }

    /**
     * The bench's last line: {@code models: wide&deep better than linear on a/H heads, better than
     * FM on b/H, worse on c}, where c counts the heads on which wide&amp;deep is worse than either
     * baseline.
     */
    static String modelsLine(List<Verdicts> verdicts, int heads) {
        StringBuilder line = new StringBuilder("models: wide&deep");
        boolean[] worseOnAny = new boolean[heads];
        for (int i = 0; i < verdicts.size(); i++) {
            Verdicts v = verdicts.get(i);
            line.append(i == 0 ? " better than " : ", better than ")
                    .append(v.baseline().equals("fm") ? "FM" : v.baseline())
                    .append(" on ")
                    .append(Verdicts.count(v.better()))
                    .append('/')
                    .append(heads)
                    .append(i == 0 ? " heads" : "");
            for (int h = 0; h < heads; h++) {
                worseOnAny[h] |= v.worse()[h];
            }
        }
        return line.append(", worse on ").append(Verdicts.count(worseOnAny)).toString();
    }

    /** Per seed a − b, over the seeds where both are finite. */
    private static double[] difference(double[] a, double[] b) {
        List<Double> d = new ArrayList<>();
        for (int k = 0; k < a.length; k++) {
            if (Double.isFinite(a[k]) && Double.isFinite(b[k])) {
                d.add(a[k] - b[k]);
            }
        }
        return d.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Prints one table row: per model (first = wide&amp;deep) the mean ± s.d. over seeds of {@code
     * auc[model][seed]} and {@code loss[model][seed]}, then whether wide&amp;deep has the best mean
     * AUC and the best mean log loss, which it returns in that order.
     */
    static boolean[] printRow(PrintWriter out, String label, double[][] auc, double[][] loss) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-8s", label));
        boolean aucBest = true;
        boolean lossBest = true;
        for (int mi = 0; mi < auc.length; mi++) {
            row.append(
                    String.format(
                            Locale.ROOT,
                            " | %.4f±%.4f / %.4f±%.4f",
                            mean(auc[mi]),
                            sd(auc[mi]),
                            mean(loss[mi]),
                            sd(loss[mi])));
            if (mi > 0) {
                aucBest &= mean(auc[0]) > mean(auc[mi]);
                lossBest &= mean(loss[0]) < mean(loss[mi]);
            }
        }
        row.append(" | AUC ")
                .append(aucBest ? "yes" : "no")
                .append(", log loss ")
                .append(lossBest ? "yes" : "no");
        out.println(row);
        return new boolean[] {aucBest, lossBest};
    }

    /** Per seed, the mean over heads of {@code perHead[head][seed]} (finite values only). */
    static double[] meanOverHeads(double[][] perHead, int seeds) {
        double[] out = new double[seeds];
        for (int k = 0; k < seeds; k++) {
            double[] column = new double[perHead.length];
            for (int h = 0; h < perHead.length; h++) {
                column[h] = perHead[h][k];
            }
            out[k] = mean(column);
        }
        return out;
    }

    /** Mean of the finite values (NaN when none). */
    static double mean(double[] v) {
        double sum = 0.0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Sample standard deviation of the finite values (0 for one value, NaN for none). */
    static double sd(double[] v) {
        double m = mean(v);
        double sum = 0.0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                sum += (x - m) * (x - m);
                n++;
            }
        }
        return n == 0 ? Double.NaN : n == 1 ? 0.0 : Math.sqrt(sum / (n - 1));
    }

    /**
     * The scenario, read by the same loader as {@code feedlab run}, with the given objective and a
     * trainer that logs every tick's examples and never trains; one tick more than {@code ticks},
     * as the impressions of tick t reach the platform at t + 1.
     */
    static Scenario logging(Path file, String objective, int ticks) throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(file);
        if (!Objective.PRESETS.contains(objective)) {
            throw new ScenarioException(
                    "command line",
                    List.of(new Problem("--objective", "one of " + Objective.PRESETS, objective)));
        }
        RankerConfig ranker = scenario.ranker();
        Scenario logging =
                scenario.withRanker(
                                ranker.withOracle(false)
                                        .withObjective(ObjectiveConfig.named(objective))
                                        .withTraining(
                                                ranker.training()
                                                        .withMode(TrainingConfig.Mode.LOG_ONLY)))
                        .withTicks(ticks + 1);
        ScenarioLoader.check(logging, file.toString());
        return logging;
    }
}
