package org.feedlab.bench.trecs;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Times the T-RECS content-filtering workload: the world is drawn first (not timed), then every
 * step, the whole of it (scoring all items for every user, selection, consumption, every user's
 * NNLS refit), is timed on its own.
 */
public final class TrecsBench {
    private TrecsBench() {}

    /**
     * What a run measured.
     *
     * @param setupSeconds drawing items and true profiles and the Gram matrix
     * @param stepSeconds wall time of each step
     * @param digest a hash of every consumed item of every step (equal runs, equal digests)
     * @param meanTrueScore per step, the mean true score of the consumed items
     * @param cpuSeconds CPU time of the whole process over the steps (all threads, JIT and GC
     *     included): less sensitive than wall time to other work on the machine
     */
    public record Result(
            double setupSeconds,
            double[] stepSeconds,
            long digest,
            double[] meanTrueScore,
            double cpuSeconds) {
        /** Mean seconds per step. */
        public double secondsPerStep() {
            return Arrays.stream(stepSeconds).sum() / stepSeconds.length;
        }

        /** Median seconds per step. */
        public double medianStepSeconds() {
            double[] sorted = stepSeconds.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /** Runs the workload with the given number of threads. */
    public static Result run(TrecsConfig config, int threads) throws InterruptedException {
        long start = System.nanoTime();
        TrecsWorld world = TrecsWorld.create(config);
        double setup = (System.nanoTime() - start) / 1e9;
        double[] seconds = new double[config.steps()];
        double[] meanTrue = new double[config.steps()];
        long digest = 1;
        long cpu = 0;
        try (ContentFiltering cf = new ContentFiltering(world, threads)) {
            for (int t = 0; t < config.steps(); t++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                int[] consumed = cf.step();
                seconds[t] = (System.nanoTime() - t0) / 1e9;
                cpu += processCpuNanos() - c0;
                double sum = 0.0;
                for (int u = 0; u < consumed.length; u++) {
                    digest = digest * 31 + consumed[u];
                    sum += world.trueScore(u, consumed[u]);
                }
                meanTrue[t] = sum / consumed.length;
            }
        }
        return new Result(setup, seconds, digest, meanTrue, cpu / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
