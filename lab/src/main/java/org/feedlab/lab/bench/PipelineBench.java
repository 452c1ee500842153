package org.feedlab.lab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.lab.engine.DirectPlatform;
import org.feedlab.lab.engine.LabLauncher;
import org.feedlab.lab.engine.Platform;
import org.feedlab.lab.engine.ServedTick;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.engine.StreamPlatform;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.simulator.Workers;

/**
 * {@code feedlab bench pipeline}: the embedded Kafka + Flink pipeline alone. The scenario's society
 * is run on the direct engine while the platform's inputs are recorded tick by tick (the posts,
 * requests and impressions the society hands to {@link Platform#serve}); then the stream engine is
 * started for the same scenario and seed, as {@code feedlab run} starts it, and the recorded inputs
 * are replayed through it. Both engines answer the same inputs with the same feeds, so the replay
 * is the stream run's own traffic without the society's cost; every replayed feed, audit and model
 * version is checked against the direct engine's bytes, so the replay did the real ranking work.
 */
public final class PipelineBench {
    /** Longest feed latency the histograms hold; a longer one is recorded as this. */
    static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(20);

    private PipelineBench() {}

    /**
     * One tick of the platform's inputs as the society handed them over, and the direct engine's
     * answer.
     *
     * @param serveNanos wall time of the direct engine's serve (replay, training, serving): the
     *     same work as the stream engine's, in-process
     * @param serveCpuNanos CPU time of this JVM during that serve (all threads; the society waits)
     */
    public record RecordedTick(
            long tick,
            List<Post> posts,
            List<FeedRequest> requests,
            List<Impression> impressions,
            ServedTick served,
            long serveNanos,
            long serveCpuNanos) {}

    /**
     * The recorded run.
     *
     * @param ticks every tick's inputs and feeds
     * @param modelVersions the models the direct engine announced over those ticks
     * @param seconds the wall time of the recorded run (society and direct engine, not timed by the
     *     bench)
     */
    public record Recording(
            List<RecordedTick> ticks, List<ModelVersion> modelVersions, double seconds) {

        /** The direct engine's serve wall time over the ticks from index {@code from} on. */
        public long serveNanos(int from) {
            return ticks.subList(from, ticks.size()).stream()
                    .mapToLong(RecordedTick::serveNanos)
                    .sum();
        }

        /** The direct engine's serve CPU time over the ticks from index {@code from} on. */
        public long serveCpuNanos(int from) {
            return ticks.subList(from, ticks.size()).stream()
                    .mapToLong(RecordedTick::serveCpuNanos)
                    .sum();
        }
    }

    /**
     * The stream engine against the direct engine on the same ticks (those of {@link
     * Result#afterFirst}): the ratio of the serve wall times, and of CPU (this JVM and the broker
     * against the direct serve's CPU).
     */
    public static String comparison(Recording recording, Result result) {
        Span stream = result.afterFirst();
        int from = result.ticks().size() - stream.ticks();
        long direct = recording.serveNanos(from);
        long directCpu = recording.serveCpuNanos(from);
        return String.format(
                Locale.ROOT,
                "stream / direct over the same %d ticks: serve wall %.2f s / %.2f s = %.1fx, CPU"
                        + " %.2f s / %.2f s = %.1fx (this JVM%s against the direct serve's)",
                stream.ticks(),
                stream.wallNanos() / 1e9,
                direct / 1e9,
                (double) stream.wallNanos() / direct,
                stream.totalCpuNanos() / 1e9,
                directCpu / 1e9,
                (double) stream.totalCpuNanos() / directCpu,
                stream.brokerCpuNanos() < 0 ? "" : " and the broker");
    }

    /**
     * Traffic through the pipeline over one or more ticks of the replay.
     *
     * @param ticks ticks replayed
     * @param posts posts produced to the posts topic
     * @param requests feed requests produced, each answered by one feed (a ranked request)
     * @param impressions impression logs produced to the engagements topic (consumed by the job's
     *     replay and trainer)
     * @param wallNanos wall time of the ticks' {@code serve} calls: producing the records and the
     *     tick-end markers, the broker's acknowledgements, the job's work, reading the feeds back
     * @param cpuNanos CPU time of this JVM over the ticks (all threads: the MiniCluster's tasks and
     *     checkpoints, the Kafka clients, JSON, GC, JIT)
     * @param brokerCpuNanos CPU time of the broker's child JVM over the ticks, or -1 when the
     *     operating system does not report it
     * @param latencies each request's feed latency in nanoseconds, from its tick's flush to the
     *     poll that read its feed
     */
    public record Span(
            int ticks,
            long posts,
            long requests,
            long impressions,
            long wallNanos,
            long cpuNanos,
            long brokerCpuNanos,
            Histogram latencies) {

        /** The spans added up: counts and times summed, latencies in one histogram. */
        public static Span sum(List<Span> spans) {
            Histogram all = newHistogram();
            int ticks = 0;
            long posts = 0;
            long requests = 0;
            long impressions = 0;
            long wall = 0;
            long cpu = 0;
            long broker = 0;
            for (Span s : spans) {
                ticks += s.ticks;
                posts += s.posts;
                requests += s.requests;
                impressions += s.impressions;
                wall += s.wallNanos;
                cpu += s.cpuNanos;
                broker = broker < 0 || s.brokerCpuNanos < 0 ? -1 : broker + s.brokerCpuNanos;
                all.add(s.latencies);
            }
            return new Span(ticks, posts, requests, impressions, wall, cpu, broker, all);
        }

        /** Ranked requests per second of wall time: requests / wall time. */
        public double requestsPerSecond() {
            return requests / seconds();
        }

        /** Impressions per second of wall time. */
        public double impressionsPerSecond() {
            return impressions / seconds();
        }

        /** Posts per second of wall time. */
        public double postsPerSecond() {
            return posts / seconds();
        }

        /**
         * CPU time of this JVM and the broker's over the span (this JVM's alone when the broker's
         * is not reported).
         */
        public long totalCpuNanos() {
            return cpuNanos + Math.max(0, brokerCpuNanos);
        }

        /** Milliseconds of CPU per ranked request: {@link #totalCpuNanos} / requests. */
        public double cpuMillisPerRequest() {
            return totalCpuNanos() / 1e6 / requests;
        }

        /** The feed latency at a percentile (0–100), in milliseconds. */
        public double percentileMillis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }

        private double seconds() {
            return wallNanos / 1e9;
        }

        /** The span as one line of the command's output, after a label. */
        public String line(String label) {
            return String.format(
                    Locale.ROOT,
                    "%s: %,d requests, %,d posts, %,d impressions in %.3f s: %,.0f ranked"
                            + " requests/s, %,.0f impressions/s, %,.0f posts/s; CPU %.2f s this JVM"
                            + " + %s broker, %.2f ms per ranked request; feed latency p50 %.1f ms,"
                            + " p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                    label,
                    requests,
                    posts,
                    impressions,
                    seconds(),
                    requestsPerSecond(),
                    impressionsPerSecond(),
                    postsPerSecond(),
                    cpuNanos / 1e9,
                    brokerCpuNanos < 0
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.2f s", brokerCpuNanos / 1e9),
                    cpuMillisPerRequest(),
                    percentileMillis(50),
                    percentileMillis(90),
                    percentileMillis(99),
                    percentileMillis(100));
        }
    }

    /**
     * What the replay measured.
     *
     * @param users users in the scenario's society
     * @param startupSeconds starting the broker, creating the topics, starting the MiniCluster and
     *     submitting the job (until the JobManager accepted it; its tasks deploy during tick 0)
     * @param ticks each tick of the replay, in order
     * @param stopSeconds stopping the job with a savepoint after the last tick
     * @param feedsChecked feeds found byte for byte equal to the direct engine's
     * @param auditsChecked feed audits found equal to the direct engine's
     * @param modelVersions model versions found equal to the direct engine's
     */
    public record Result(
            int users,
            double startupSeconds,
            List<Span> ticks,
            double stopSeconds,
            int feedsChecked,
            int auditsChecked,
            int modelVersions) {

        /** Every tick of the replay. */
        public Span all() {
            return Span.sum(ticks);
        }

        /**
         * The ticks after the first, whose figures the last line gives: tick 0 also deploys the
         * job's tasks and compiles their code. All ticks when only one was replayed.
         */
        public Span afterFirst() {
            return ticks.size() < 2 ? all() : Span.sum(ticks.subList(1, ticks.size()));
        }

        /** The bench's last line, a script reads it. */
        public String lastLine() {
            Span s = afterFirst();
            return String.format(
                    Locale.ROOT,
                    "pipeline: %.0f ranked requests/s, %.0f impressions/s, p99 feed latency %.1f ms"
                            + " (%d ticks, %d users)",
                    s.requestsPerSecond(),
                    s.impressionsPerSecond(),
                    s.percentileMillis(99),
                    s.ticks(),
                    users);
        }
    }

    /**
     * The stream engine answered differently from the direct engine: the bench measured nothing.
     */
    public static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }

    /**
     * Runs the scenario's society for its ticks on the direct engine (serving on {@code threads})
     * and records the platform's inputs of every tick.
     */
    public static Recording record(Scenario s, int threads) throws Exception {
        try (Workers workers = Workers.of(threads)) {
            DirectPlatform direct = LabLauncher.directPlatform(s, null, workers);
            Recorder recorder = new Recorder(direct);
            long started = System.nanoTime();
            SimulationRun.run(s.society(), s.seed(), s.ticks(), recorder, List.of(), workers);
            return new Recording(
                    List.copyOf(recorder.ticks),
                    direct.modelVersions(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Starts the stream engine for the scenario (its files under {@code work}), replays the
     * recording through it tick by tick, stops the job with a savepoint, and checks every feed,
     * audit and model version against the direct engine's.
     *
     * @throws Mismatch when the stream engine's answer differs from the direct engine's
     */
    public static Result replay(Scenario s, Recording recording, Path work) throws Exception {
        long started = System.nanoTime();
        try (StreamPlatform stream = LabLauncher.embeddedPlatform(s, work)) {
            double startup = (System.nanoTime() - started) / 1e9;
            Latencies latencies = new Latencies();
            stream.timeWith(latencies);
            Optional<ProcessHandle> broker = ProcessHandle.of(stream.embeddedBroker().pid());
            List<Span> ticks = new ArrayList<>();
            List<ServedTick> answers = new ArrayList<>();
            for (RecordedTick r : recording.ticks()) {
                latencies.next();
                long cpu = processCpuNanos();
                long brokerCpu = cpuNanos(broker);
                long wall = System.nanoTime();
                answers.add(stream.serve(r.tick(), r.posts(), r.requests(), r.impressions()));
                wall = System.nanoTime() - wall;
                cpu = processCpuNanos() - cpu;
                long brokerAfter = cpuNanos(broker);
                ticks.add(
                        new Span(
                                1,
                                r.posts().size(),
                                r.requests().size(),
                                r.impressions().size(),
                                wall,
                                cpu,
                                brokerCpu < 0 || brokerAfter < 0 ? -1 : brokerAfter - brokerCpu,
                                latencies.tick));
            }
            long stopping = System.nanoTime();
            stream.finish();
            double stop = (System.nanoTime() - stopping) / 1e9;
            int dead = stream.deadLetters().size();
            if (dead > 0) {
                throw new Mismatch("the job dead-lettered " + dead + " of the recorded records");
            }
            int[] checked = check(recording, answers);
            List<ModelVersion> versions = stream.modelVersions();
            if (!Arrays.equals(
                    JsonSerde.write(versions), JsonSerde.write(recording.modelVersions()))) {
                throw new Mismatch(
                        "the stream engine announced other model versions than the direct"
                                + " engine's: "
                                + versions.size()
                                + " against "
                                + recording.modelVersions().size());
            }
            return new Result(
                    s.society().population().users(),
                    startup,
                    ticks,
                    stop,
                    checked[0],
                    checked[1],
                    versions.size());
        }
    }

    /**
     * Checks the stream engine's answers against the recorded direct ones, feed by feed and audit
     * by audit in their JSON bytes (the bytes on the feeds topic); returns how many of each.
     */
    static int[] check(Recording recording, List<ServedTick> answers) throws Mismatch {
        int feeds = 0;
        int audits = 0;
        for (int k = 0; k < answers.size(); k++) {
            RecordedTick r = recording.ticks().get(k);
            ServedTick direct = r.served();
            ServedTick stream = answers.get(k);
            if (!direct.feeds().keySet().equals(stream.feeds().keySet())) {
                throw new Mismatch(
                        "tick "
                                + r.tick()
                                + ": the stream engine served "
                                + stream.feeds().size()
                                + " users, the direct engine "
                                + direct.feeds().size());
            }
            for (Map.Entry<Integer, Feed> e : direct.feeds().entrySet()) {
                Feed theirs = stream.feeds().get(e.getKey());
                if (!Arrays.equals(JsonSerde.write(e.getValue()), JsonSerde.write(theirs))) {
                    throw new Mismatch(
                            "tick "
                                    + r.tick()
                                    + ": the stream engine's feed of request "
                                    + theirs.requestId()
                                    + " (user "
                                    + e.getKey()
                                    + ") differs from the direct engine's");
                }
                feeds++;
            }
            List<FeedAudit> a = direct.audits();
            List<FeedAudit> b = stream.audits();
            if (a.size() != b.size()) {
                throw new Mismatch(
                        "tick " + r.tick() + ": " + b.size() + " audits against " + a.size());
            }
            for (int i = 0; i < a.size(); i++) {
                if (!Arrays.equals(JsonSerde.write(a.get(i)), JsonSerde.write(b.get(i)))) {
                    throw new Mismatch(
                            "tick "
                                    + r.tick()
                                    + ": the stream engine's audit of request "
                                    + b.get(i).requestId()
                                    + " differs from the direct engine's");
                }
                audits++;
            }
        }
        return new int[] {feeds, audits};
    }

    /** A new temporary directory for the broker's and the job's files. */
    public static Path workDirectory() throws IOException {
        return Files.createTempDirectory("feedlab-bench-pipeline-");
    }

    /**
     * Removes the work directory once the platform has stopped; returns false when something could
     * not be removed.
     */
    public static boolean deleteWork(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        return !Files.exists(root);
    }

    private static Histogram newHistogram() {
        return new Histogram(1, MAX_LATENCY_NANOS, 3);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A process's CPU time so far, or -1 when it is not reported. */
    private static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
    }

    /** Each feed's latency: from its tick's flush to the poll that read it. */
    private static final class Latencies implements StreamPlatform.FeedTiming {
        Histogram tick = newHistogram();
        private long flushedAt;

        /** A new histogram for the next tick. */
        void next() {
            tick = newHistogram();
        }

        @Override
        public void flushed(long t, long nanoTime) {
            flushedAt = nanoTime;
        }

        @Override
        public void delivered(long t, long requestId, long nanoTime) {
            tick.recordValue(Math.min(Math.max(nanoTime - flushedAt, 1), MAX_LATENCY_NANOS));
        }
    }

    /** The direct engine, recording what the society hands it and what it answers. */
    private static final class Recorder implements Platform {
        private final DirectPlatform inner;
        final List<RecordedTick> ticks = new ArrayList<>();

        Recorder(DirectPlatform inner) {
            this.inner = inner;
        }

        @Override
        public ServedTick serve(
                long tick,
                List<Post> posts,
                List<FeedRequest> requests,
                List<Impression> impressions) {
            long cpu = processCpuNanos();
            long wall = System.nanoTime();
            ServedTick served = inner.serve(tick, posts, requests, impressions);
            wall = System.nanoTime() - wall;
            cpu = processCpuNanos() - cpu;
            ticks.add(
                    new RecordedTick(
                            tick,
                            List.copyOf(posts),
                            List.copyOf(requests),
                            List.copyOf(impressions),
                            served,
                            wall,
                            cpu));
            return served;
        }

        @Override
        public Optional<IntPredicate> treated() {
            return inner.treated();
        }

        @Override
        public List<ModelVersion> modelVersions() {
            return inner.modelVersions();
        }

        @Override
        public String engine() {
            return inner.engine();
        }

        @Override
        public Manifest.Pipeline pipelineFacts() {
            return inner.pipelineFacts();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
