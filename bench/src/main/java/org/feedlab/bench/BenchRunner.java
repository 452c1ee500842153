package org.feedlab.bench;

import java.util.Arrays;
import java.util.Collection;
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
     */
    public record Settings(int forks, int warmups, int iterations, int seconds) {
        /** About 45 s on 2 cores: enough for stable medians, short enough to run often. */
        public static Settings quick() {
            return new Settings(1, 2, 3, 1);
        }

        /** About 4 minutes: two forks and longer iterations, for figures to report. */
        public static Settings thorough() {
            return new Settings(2, 5, 8, 2);
        }
    }

    /**
     * What was measured.
     *
     * @param candidatesPerSecond candidates scored per second on one thread (one core) by the
     *     forward pass this JVM uses (the Vector API one when the module is present)
     * @param scalarCandidatesPerSecond the same with the scalar pass forced
     * @param p50Millis median latency of a 500-candidate request
     * @param p99Millis 99th percentile latency of a 500-candidate request
     * @param bytesPerRequest bytes allocated per request (JMH's gc profiler, gc.alloc.rate.norm)
     * @param gemm the measured GEMM speeds on one thread
     * @param flopsPerCandidate FLOPs the compiled model's Vector API pass executes per candidate
     * @param meanNonZero mean non-zero features per candidate
     * @param hiddenSizes hidden layer widths of the benchmarked model
     * @param forwardPass which forward pass the benchmark JVMs use
     */
    public record Figures(
            double candidatesPerSecond,
            double scalarCandidatesPerSecond,
            double p50Millis,
            double p99Millis,
            double bytesPerRequest,
            Gemm gemm,
            double flopsPerCandidate,
            double meanNonZero,
            int[] hiddenSizes,
            String forwardPass) {}

    /**
     * FLOP/s of a 500 × 128 by 128 × 128 float GEMM on one thread.
     *
     * @param plainJava plain Java loops (what the JIT makes of them)
     * @param vectorMulAdd Vector API, a multiply and an add per term: the compiled scorer's bound
     * @param vectorFma Vector API, fused multiply-add: the machine's bound
     */
    public record Gemm(double plainJava, double vectorMulAdd, double vectorFma) {}

    /** Runs the measurements and returns their figures. */
    public static Figures run(Settings settings, boolean verbose) throws RunnerException {
        RunResult throughput =
                single(
                        settings,
                        RankerBenchmark.class,
                        "scoreRequest",
                        Mode.Throughput,
                        verbose,
                        true);
        double scalarRequestsPerMs =
                score(
                        single(
                                settings,
                                RankerBenchmark.class,
                                "scoreRequest",
                                Mode.Throughput,
                                verbose,
                                false,
                                "-D" + WideDeepScorer.SCALAR_PROPERTY + "=true"));
        RunResult latency =
                single(
                        settings,
                        RankerBenchmark.class,
                        "scoreRequest",
                        Mode.SampleTime,
                        verbose,
                        false);
        Gemm gemm =
                new Gemm(
                        gemm(settings, "plainJava", verbose),
                        gemm(settings, "vectorMulAdd", verbose),
                        gemm(settings, "vectorFma", verbose));
        RankerFixture fixture = RankerFixture.create(2024);
        var stats = latency.getPrimaryResult().getStatistics();
        return new Figures(
                score(throughput) * 1000.0 * RankerFixture.REQUEST,
                scalarRequestsPerMs * 1000.0 * RankerFixture.REQUEST,
                stats.getPercentile(50),
                stats.getPercentile(99),
                allocationPerOp(throughput),
                gemm,
                fixture.flopsPerCandidate(),
                fixture.meanNonZero(),
                fixture.scorer().hiddenSizes(),
                fixture.scorer().forwardPass());
    }

    /** Every benchmark JVM runs with the Vector API module, as {@code ./feedlab} does. */
    private static final String[] FORK_ARGS = {"--add-modules", "jdk.incubator.vector"};

    private static double gemm(Settings s, String method, boolean verbose) throws RunnerException {
        return score(single(s, GemmBenchmark.class, method, Mode.Throughput, verbose, false))
                * GemmBenchmark.flops();
    }

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

    private static RunResult single(
            Settings s,
            Class<?> benchmark,
            String method,
            Mode mode,
            boolean verbose,
            boolean gcProfiler,
            String... jvmArgs)
            throws RunnerException {
        String[] forkArgs = Arrays.copyOf(FORK_ARGS, FORK_ARGS.length + jvmArgs.length);
        System.arraycopy(jvmArgs, 0, forkArgs, FORK_ARGS.length, jvmArgs.length);
        ChainedOptionsBuilder options =
                new OptionsBuilder()
                        .include(
                                "^"
                                        + benchmark.getName().replace(".", "\\.")
                                        + "\\."
                                        + method
                                        + "$")
                        .mode(mode)
                        .forks(s.forks())
                        .jvmArgsAppend(forkArgs)
                        .warmupIterations(s.warmups())
                        .warmupTime(TimeValue.seconds(s.seconds()))
                        .measurementIterations(s.iterations())
                        .measurementTime(TimeValue.seconds(s.seconds()))
                        .threads(1)
                        .shouldFailOnError(true)
                        .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
        if (gcProfiler) {
            options.addProfiler(GCProfiler.class);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException(
                    "expected one result for "
                            + benchmark.getSimpleName()
                            + "."
                            + method
                            + ", got "
                            + results.size());
        }
        return results.iterator().next();
    }
}
