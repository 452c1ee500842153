package org.feedlab.bench;

import java.util.Collection;
import org.openjdk.jmh.annotations.Mode;
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
     * @param candidatesPerSecond candidates scored per second on one thread (one core)
     * @param p50Millis median latency of a 500-candidate request
     * @param p99Millis 99th percentile latency of a 500-candidate request
     * @param gemmFlopsPerSecond measured plain-Java GEMM speed on one thread
     * @param flopsPerCandidate FLOPs the compiled model spends per candidate
     * @param meanNonZero mean non-zero features per candidate
     * @param hiddenSizes hidden layer widths of the benchmarked model
     */
    public record Figures(
            double candidatesPerSecond,
            double p50Millis,
            double p99Millis,
            double gemmFlopsPerSecond,
            long flopsPerCandidate,
            double meanNonZero,
            int[] hiddenSizes) {}

    /** Runs the three measurements and returns their figures. */
    public static Figures run(Settings settings, boolean verbose) throws RunnerException {
        double requestsPerMs =
                score(
                        single(
                                settings,
                                RankerBenchmark.class,
                                "scoreRequest",
                                Mode.Throughput,
                                verbose));
        RunResult latency =
                single(settings, RankerBenchmark.class, "scoreRequest", Mode.SampleTime, verbose);
        double gemmPerSecond =
                score(single(settings, GemmBenchmark.class, "gemm", Mode.Throughput, verbose));
        RankerFixture fixture = RankerFixture.create(2024);
        var stats = latency.getPrimaryResult().getStatistics();
        return new Figures(
                requestsPerMs * 1000.0 * RankerFixture.REQUEST,
                stats.getPercentile(50),
                stats.getPercentile(99),
                gemmPerSecond
                        * new GemmKernel(GemmBenchmark.M, GemmBenchmark.K, GemmBenchmark.N).flops(),
                fixture.flopsPerCandidate(),
                fixture.meanNonZero(),
                fixture.scorer().hiddenSizes());
    }

    private static double score(RunResult result) {
        return result.getPrimaryResult().getScore();
    }

    private static RunResult single(
            Settings s, Class<?> benchmark, String method, Mode mode, boolean verbose)
            throws RunnerException {
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
                        .warmupIterations(s.warmups())
                        .warmupTime(TimeValue.seconds(s.seconds()))
                        .measurementIterations(s.iterations())
                        .measurementTime(TimeValue.seconds(s.seconds()))
                        .threads(1)
                        .shouldFailOnError(true)
                        .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
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
