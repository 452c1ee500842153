package org.feedlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the ranker benchmarks through JMH's {@link Runner} (each benchmark in a forked JVM, so JIT
 * profiles of one do not pollute the other) and collects the figures {@code feedlab bench ranker}
 * prints.
 */
public final class BenchRunner {
    private BenchRunner() {}

    /**
     * How long to measure.
     *
     * @param forks forked JVMs per benchmark (0 runs in this JVM: only for tests)
     * @param warmups warm-up iterations per fork
     * @param iterations measured iterations per fork
     * @param seconds length of one iteration
     * @param latencyWarmupSeconds warm-up of the request-by-request latency run, per request size
     * @param latencySeconds measured time of that run, per request size
     */
    public record Settings(
            int forks,
            int warmups,
            int iterations,
            int seconds,
            int latencyWarmupSeconds,
            int latencySeconds) {
        /**
         * About 6 minutes on 2 loaded cores: enough for stable medians, short enough to run often.
         * The warm-ups are long enough for C2 to compile the whole path (until then the Vector API
         * pass runs boxed and a request allocates megabytes).
         */
        public static Settings quick() {
            return new Settings(1, 4, 4, 1, 10, 10);
        }

        /**
         * About 20 minutes on 2 loaded cores: two forks and longer iterations, for figures to
         * report.
         */
        public static Settings thorough() {
            return new Settings(2, 5, 8, 2, 20, 60);
        }
    }

    /** Request sizes benchmarked: what retrieval returns today, and a larger request. */
    public static final List<Integer> SIZES = List.of(300, 1000);

    /**
     * Requests per millisecond on one thread (JMH throughput) of the whole path and of its stages
     * alone, on the same request.
     */
    public record Stages(double whole, double retrieval, double features, double forward) {}

    /**
     * What was measured for one request size.
     *
     * @param candidates candidates per request
     * @param flopsPerCandidate FLOPs the compiled model's Vector API pass executes per candidate of
     *     this request
     * @param meanNonZero mean non-zero slots per candidate of this request
     * @param stages JMH throughput of the whole path and of each stage alone
     * @param wholeBytes bytes allocated per request by the whole path (JMH's gc profiler)
     * @param forwardBytes bytes allocated per request by the forward pass alone
     * @param latency the request-by-request run of the whole path (HdrHistogram)
     */
    public record PathFigures(
            int candidates,
            double flopsPerCandidate,
            double meanNonZero,
            Stages stages,
            double wholeBytes,
            double forwardBytes,
            PathLatency.Measurement latency) {
        /** Microseconds per request at a throughput in requests per millisecond. */
        public static double micros(double requestsPerMs) {
            return 1000.0 / requestsPerMs;
        }

        /** Candidates per second per core at a throughput in requests per millisecond. */
        public double candidatesPerSecond(double requestsPerMs) {
            return requestsPerMs * 1000.0 * candidates;
        }

        /**
         * Microseconds per request of what the stages alone leave out: the objective, the policies,
         * the sort and the feed's items (the whole path minus retrieval, features and the forward
         * pass).
         */
        public double restMicros() {
            return micros(stages.whole())
                    - micros(stages.retrieval())
                    - micros(stages.features())
                    - micros(stages.forward());
        }

        /** FLOP/s the forward pass executes on one core. */
        public double forwardFlopsPerSecond() {
            return candidatesPerSecond(stages.forward()) * flopsPerCandidate;
        }

        /** FLOP/s the whole path's model executes on one core, counted over the whole path. */
        public double wholeFlopsPerSecond() {
            return candidatesPerSecond(stages.whole()) * flopsPerCandidate;
        }
    }

    /**
     * Everything {@code feedlab bench ranker} prints.
     *
     * @param paths the figures per request size, in {@link #SIZES} order
     * @param scalarForward requests per millisecond of the forward pass alone on the first size's
     *     request with the scalar pass forced
     * @param gemm the measured GEMM speeds on one thread
     * @param hiddenSizes hidden layer widths of the benchmarked model
     * @param forwardPass which forward pass the benchmark JVMs use
     */
    public record Figures(
            List<PathFigures> paths,
            double scalarForward,
            Gemm gemm,
            int[] hiddenSizes,
            String forwardPass) {}

    /**
     * FLOP/s of a 500 × 128 by 128 × 128 float GEMM on one thread.
     *
     * @param plainJava plain Java loops (what the JIT makes of them)
     * @param vectorMulAdd Vector API, a multiply and an add per term: the compiled scorer's bound
     * @param vectorFma Vector API, fused multiply-add: the machine's bound
     */
    public record Gemm(double plainJava, double vectorMulAdd, double vectorFma) {
        /** The share of the mul+add bound a rate of FLOP/s reaches. */
        public double shareOfBound(double flopsPerSecond) {
            return flopsPerSecond / vectorMulAdd;
        }
    }

    /**
     * Runs the measurements and returns their figures: first the request-by-request latency runs in
     * this JVM (one thread), then JMH's forks.
     */
    public static Figures run(Settings settings, boolean verbose) throws RunnerException {
        RankerFixture fixture = RankerFixture.create(2024);
        List<RequestPath> requests = new ArrayList<>();
        List<PathLatency.Measurement> latencies = new ArrayList<>();
        for (int c : SIZES) {
            RequestPath path = RequestPath.of(fixture, c);
            requests.add(path);
            latencies.add(
                    PathLatency.measure(
                            path, settings.latencyWarmupSeconds(), settings.latencySeconds()));
        }
        Map<String, RunResult> path =
                run(
                        settings,
                        RequestPathBenchmark.class,
                        "wholePath|retrieval|featureExtraction|forwardPass",
                        SIZES,
                        verbose,
                        true);
        double scalar =
                score(
                        run(
                                        settings,
                                        RequestPathBenchmark.class,
                                        "forwardPass",
                                        SIZES.subList(0, 1),
                                        verbose,
                                        false,
                                        "-D" + WideDeepScorer.SCALAR_PROPERTY + "=true")
                                .get(key("forwardPass", SIZES.get(0))));
        Map<String, RunResult> kernels =
                run(
                        settings,
                        GemmBenchmark.class,
                        "plainJava|vectorMulAdd|vectorFma",
                        List.of(),
                        verbose,
                        false);
        Gemm gemm =
                new Gemm(
                        score(kernels.get("plainJava")) * GemmBenchmark.flops(),
                        score(kernels.get("vectorMulAdd")) * GemmBenchmark.flops(),
                        score(kernels.get("vectorFma")) * GemmBenchmark.flops());
        List<PathFigures> paths = new ArrayList<>();
        for (int i = 0; i < SIZES.size(); i++) {
            int c = SIZES.get(i);
            RequestPath request = requests.get(i);
            paths.add(
                    new PathFigures(
                            c,
                            request.executedFlopsPerCandidate(),
                            request.meanNonZero(),
                            new Stages(
                                    score(path.get(key("wholePath", c))),
                                    score(path.get(key("retrieval", c))),
                                    score(path.get(key("featureExtraction", c))),
                                    score(path.get(key("forwardPass", c)))),
                            allocationPerOp(path.get(key("wholePath", c))),
                            allocationPerOp(path.get(key("forwardPass", c))),
                            latencies.get(i)));
        }
        return new Figures(
                paths,
                scalar,
                gemm,
                fixture.scorer().hiddenSizes(),
                fixture.scorer().forwardPass());
    }

    /** Every benchmark JVM runs with the Vector API module, as {@code ./feedlab} does. */
    private static final String[] FORK_ARGS = {"--add-modules", "jdk.incubator.vector"};

    /** gc.alloc.rate.norm of a run with the gc profiler: bytes allocated per benchmark call. */
    private static double allocationPerOp(RunResult result) {
        for (var e : result.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        throw new IllegalStateException("the gc profiler reported no gc.alloc.rate.norm");
    }

    private static double score(RunResult result) {
        return result.getPrimaryResult().getScore();
    }

    private static String key(String method, int candidates) {
        return method + "/" + candidates;
    }

    /**
     * One JMH run (one forked JVM per method and size) of the benchmark's methods matching {@code
     * methods} (a regex alternation), for each request size if any; results keyed by {@code
     * method/candidates}, or by the method without sizes.
     */
    private static Map<String, RunResult> run(
            Settings s,
            Class<?> benchmark,
            String methods,
            List<Integer> sizes,
            boolean verbose,
            boolean gcProfiler,
            String... jvmArgs)
            throws RunnerException {
        ChainedOptionsBuilder options =
                options(s, benchmark, "(" + methods + ")", verbose, jvmArgs).mode(Mode.Throughput);
        if (!sizes.isEmpty()) {
            options.param("candidates", sizes.stream().map(String::valueOf).toArray(String[]::new));
        }
        if (gcProfiler) {
            options.addProfiler(GCProfiler.class);
        }
        Map<String, RunResult> out = new TreeMap<>();
        for (RunResult r : new Runner(options.build()).run()) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String size = r.getParams().getParam("candidates");
            out.put(size == null ? method : key(method, Integer.parseInt(size)), r);
        }
        return out;
    }

    private static ChainedOptionsBuilder options(
            Settings s, Class<?> benchmark, String method, boolean verbose, String... jvmArgs) {
        String[] forkArgs = Arrays.copyOf(FORK_ARGS, FORK_ARGS.length + jvmArgs.length);
        System.arraycopy(jvmArgs, 0, forkArgs, FORK_ARGS.length, jvmArgs.length);
        return new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\." + method + "$")
                .forks(s.forks())
                .jvmArgsAppend(forkArgs)
                .warmupIterations(s.warmups())
                .warmupTime(TimeValue.seconds(s.seconds()))
                .measurementIterations(s.iterations())
                .measurementTime(TimeValue.seconds(s.seconds()))
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
    }
}
