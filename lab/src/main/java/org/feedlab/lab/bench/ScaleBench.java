package org.feedlab.lab.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.lab.engine.DirectPlatform;
import org.feedlab.lab.engine.Platform;
import org.feedlab.lab.engine.ServedTick;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.SocietyConfig;
import org.feedlab.simulator.Workers;

/**
 * {@code feedlab bench scale}: the direct engine's story ({@link SimulationRun}) at a population
 * size, tick by tick, as a run would go (every step of a tick: the night, posting, sessions, the
 * platform's replay, training when the scenario trains, serving, reading, the metrics), without
 * writing a run directory. A user-step is one user's part of one tick, whether or not the user
 * opened the app that day.
 */
public final class ScaleBench {
    private ScaleBench() {}

    /**
     * What one size measured.
     *
     * @param users users in the society
     * @param creators creators in the society
     * @param threads threads of the society's and the platform's per-user work
     * @param setupSeconds drawing the population and the follow graph (not in any tick)
     * @param tickSeconds wall time of each tick, from the end of the one before (or of the setup)
     *     to the end of its metrics
     * @param platformSeconds of each tick, the wall time inside the platform's serve (replay,
     *     training, serving)
     * @param cpuSeconds CPU time of the whole process over the ticks (all threads, JIT and GC
     *     included): less sensitive than wall time to other work on the machine
     * @param rereads readers whose day was read again in the merge, over the run
     * @param heap the heap the run needed
     */
    public record Result(
            int users,
            int creators,
            int threads,
            double setupSeconds,
            double[] tickSeconds,
            double[] platformSeconds,
            double cpuSeconds,
            long rereads,
            HeapWatch.Figures heap) {

        /** User-steps per second over all ticks: users × ticks / their wall time. */
        public double userStepsPerSecond() {
            return perSecond(0);
        }

        /**
         * User-steps per second over the ticks after the first (the first also compiles the code),
         * NaN with one tick.
         */
        public double userStepsPerSecondAfterFirst() {
            return tickSeconds.length < 2 ? Double.NaN : perSecond(1);
        }

        private double perSecond(int from) {
            double seconds = 0;
            for (int t = from; t < tickSeconds.length; t++) {
                seconds += tickSeconds[t];
            }
            return (double) users * (tickSeconds.length - from) / seconds;
        }

        /** User-steps per CPU-second of the whole process, over all ticks. */
        public double userStepsPerCpuSecond() {
            return (double) users * tickSeconds.length / cpuSeconds;
        }

        /** The share of the ticks' wall time spent inside the platform's serve. */
        public double platformShare() {
            double platform = 0;
            double all = 0;
            for (int t = 0; t < tickSeconds.length; t++) {
                platform += platformSeconds[t];
                all += tickSeconds[t];
            }
            return platform / all;
        }

        /** The result as one line of the command's output. */
        public String line() {
            StringBuilder ticks = new StringBuilder();
            for (double s : tickSeconds) {
                ticks.append(ticks.length() == 0 ? "" : " ")
                        .append(String.format(Locale.ROOT, "%.2f", s));
            }
            return String.format(
                    Locale.ROOT,
                    "%,d users (%,d creators), %d threads: setup %.2f s; ticks %s s; %,.0f"
                            + " user-steps/s over all ticks, %s after the first; CPU %.1f s (all"
                            + " threads), %,.0f user-steps per CPU-second; platform %.0f %% of tick"
                            + " time; heap in use at most %s, at most %s right after a collection"
                            + " (%d collections, limit %s); %d days read again",
                    users,
                    creators,
                    threads,
                    setupSeconds,
                    ticks,
                    userStepsPerSecond(),
                    Double.isNaN(userStepsPerSecondAfterFirst())
                            ? "n/a"
                            : String.format(Locale.ROOT, "%,.0f", userStepsPerSecondAfterFirst()),
                    cpuSeconds,
                    userStepsPerCpuSecond(),
                    100 * platformShare(),
                    gigabytes(heap.peakInUse()),
                    gigabytes(heap.mostLiveAfterCollection()),
                    heap.collections(),
                    gigabytes(heap.maxHeap()),
                    rereads);
        }
    }

    /** Bytes as gigabytes (10⁹ bytes) with one decimal, e.g. "4.9 GB". */
    static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** The last line: user-steps per second after the first tick at every size that ran. */
    public static String lastLine(List<Result> results, List<Integer> didNotFit) {
        List<String> parts = new ArrayList<>();
        for (Result r : results) {
            double rate =
                    Double.isNaN(r.userStepsPerSecondAfterFirst())
                            ? r.userStepsPerSecond()
                            : r.userStepsPerSecondAfterFirst();
            parts.add(String.format(Locale.ROOT, "%d users %.0f user-steps/s", r.users(), rate));
        }
        for (int users : didNotFit) {
            parts.add(String.format(Locale.ROOT, "%d users did not fit in the heap", users));
        }
        return "scale: " + String.join(", ", parts);
    }

    /**
     * The scenario's society at another size: {@code users} users and creators in the scenario's
     * own proportion (at least one).
     */
    public static Scenario sized(Scenario s, int users) {
        SocietyConfig.Population p = s.society().population();
        int creators =
                (int)
                        Math.max(
                                1,
                                Math.round((double) users * p.creators() / Math.max(1, p.users())));
        return s.withSociety(s.society().withPopulation(p.withUsers(users).withCreators(creators)));
    }

    /** Runs the scenario (already sized) on the direct engine and times every tick. */
    public static Result run(Scenario s, int threads) throws Exception {
        try (HeapWatch heap = new HeapWatch();
                Workers workers = Workers.of(threads);
                TimedPlatform platform =
                        new TimedPlatform(
                                new DirectPlatform(
                                        s.ranker(),
                                        s.society().population().topics(),
                                        s.seed(),
                                        Audit.none(),
                                        null,
                                        workers))) {
            long started = System.nanoTime();
            double[] ticks = new double[s.ticks()];
            double[] platformSeconds = new double[s.ticks()];
            long[] setupEnd = new long[1];
            long[] cpuStart = new long[1];
            long[] rereads = new long[1];
            SimulationRun.Listener clock =
                    new SimulationRun.Listener() {
                        long last;

                        @Override
                        public void started(Society society) {
                            last = System.nanoTime();
                            setupEnd[0] = last;
                            cpuStart[0] = processCpuNanos();
                        }

                        @Override
                        public void ticked(SimulationRun.Tick tick) {
                            long now = System.nanoTime();
                            int t = (int) tick.tick();
                            ticks[t] = (now - last) / 1e9;
                            platformSeconds[t] = platform.takeSeconds();
                            rereads[0] = tick.society().rereads();
                            heap.sample();
                            last = now;
                        }
                    };
            SimulationRun.run(s.society(), s.seed(), s.ticks(), platform, List.of(clock), workers);
            double cpu = (processCpuNanos() - cpuStart[0]) / 1e9;
            return new Result(
                    s.society().population().users(),
                    s.society().population().creators(),
                    threads,
                    (setupEnd[0] - started) / 1e9,
                    ticks,
                    platformSeconds,
                    cpu,
                    rereads[0],
                    heap.figures());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A platform that adds up the wall time spent in {@code serve}. */
    private static final class TimedPlatform implements Platform {
        private final Platform inner;
        private long nanos;

        TimedPlatform(Platform inner) {
            this.inner = inner;
        }

        /** Seconds in serve since the last call. */
        double takeSeconds() {
            double s = nanos / 1e9;
            nanos = 0;
            return s;
        }

        @Override
        public ServedTick serve(
                long tick,
                List<Post> posts,
                List<FeedRequest> requests,
                List<Impression> impressions)
                throws Exception {
            long start = System.nanoTime();
            try {
                return inner.serve(tick, posts, requests, impressions);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public Optional<IntPredicate> treated() {
            return inner.treated();
        }

        @Override
        public List<ModelVersion> modelVersions() throws Exception {
            return inner.modelVersions();
        }

        @Override
        public String engine() {
            return inner.engine();
        }

        @Override
        public Manifest.Pipeline pipelineFacts() throws Exception {
            return inner.pipelineFacts();
        }

        @Override
        public void close() throws Exception {
            inner.close();
        }
    }
}
