package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.events.Topics;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.streams.InboundDecoder;
import org.feedlab.streams.JobSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the embedded pipeline, each compared byte for byte with the fault-free run's
 * metrics.csv: a TaskManager lost after two checkpoints (the job restores), a stop with a savepoint
 * and a resume at another parallelism, a broker killed and restarted mid-run, a slow ranker (the
 * society's ticks in flight stay bounded), and poison pills on every input topic (dead-lettered
 * once each, no restart).
 */
class FaultToleranceIT {
    /** The tick after which the fault strikes: checkpoints exist before, ticks remain after. */
    private static final long FAULT_TICK = 3;

    /** The slow ranker's added time per feed request, in milliseconds. */
    private static final int SLOW_MS = 20;

    private static Scenario scenario;
    private static byte[] reference;

    @TempDir Path work;

    @BeforeAll
    static void faultFree() throws Exception {
        scenario = FaultRuns.scenario();
        reference = FaultRuns.reference(scenario);
    }

    /** Runs the scenario on the embedded pipeline; {@code fault} strikes after FAULT_TICK. */
    private byte[] run(StreamPlatform platform, FaultAction fault) throws Exception {
        return FaultRuns.csv(
                SimulationRun.run(
                        scenario.society(),
                        scenario.seed(),
                        scenario.ticks(),
                        platform,
                        List.<SimulationRun.Listener>of(
                                tick -> {
                                    if (tick.tick() == FAULT_TICK) {
                                        try {
                                            fault.strike(platform);
                                        } catch (Exception e) {
                                            throw new IllegalStateException(e);
                                        }
                                    }
                                })));
    }

    @FunctionalInterface
    private interface FaultAction {
        void strike(StreamPlatform platform) throws Exception;
    }

    @Test
    void aJobThatLosesItsTaskManagerRestoresAndGivesTheSameBytes() throws Exception {
        try (StreamPlatform platform =
                StreamPlatform.start(work, FaultRuns.settings(scenario), 2, 2)) {
            byte[] bytes =
                    run(
                            platform,
                            p -> {
                                FaultRuns.awaitCheckpoints(p, 2);
                                var cluster = p.embeddedFlink().miniCluster();
                                // The worker dies with every task on it; a new one takes its place.
                                cluster.terminateTaskManager(0).get();
                                cluster.startTaskManager();
                            });
            assertArrayEquals(reference, bytes, "metrics.csv after a lost TaskManager");
            Manifest.Pipeline facts = platform.pipelineFacts();
            assertTrue(facts.jobRestarts() >= 1, "restarts: " + facts);
            assertTrue(facts.checkpointsRestored() >= 1, "restored: " + facts);
        }
    }

    @Test
    void aJobStoppedWithASavepointResumesAtAnotherParallelismWithTheSameBytes() throws Exception {
        try (StreamPlatform platform =
                StreamPlatform.start(work, FaultRuns.settings(scenario), 2, 2)) {
            byte[] bytes =
                    run(
                            platform,
                            p -> {
                                // The job moves from two subtasks to one.
                                String savepoint = p.resumeAt(1);
                                assertTrue(savepoint.contains("savepoint"), savepoint);
                            });
            assertArrayEquals(reference, bytes, "metrics.csv after a savepoint and rescale");
            assertEquals(
                    List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L),
                    platform.modelVersions().stream().map(ModelVersion::tick).toList(),
                    "every model announced exactly once across the two jobs");
        }
    }

    @Test
    void aBrokerKilledAndRestartedMidRunChangesNothing() throws Exception {
        try (StreamPlatform platform =
                StreamPlatform.start(work, FaultRuns.settings(scenario), 2, 2)) {
            byte[] bytes = run(platform, p -> p.embeddedBroker().restart(true));
            assertArrayEquals(reference, bytes, "metrics.csv after a broker restart");
        }
    }

    /**
     * A slow ranker: every feed request takes {@link #SLOW_MS} ms longer to score ({@code
     * stream.scoring_delay_ms}). The job is held back, the society waits for it, and no more than
     * {@link StreamPlatform#MAX_TICKS_IN_FLIGHT} ticks are ever published and unanswered at once
     * (read from the topics' record times); every request gets exactly one feed, nothing is
     * dead-lettered, the job never restarts (an out-of-memory error in the MiniCluster, which runs
     * in this JVM, would fail the run), and the bytes do not change.
     */
    @Test
    void aSlowRankerKeepsTheTicksInFlightBoundedAndLosesNothing() throws Exception {
        JobSettings base = FaultRuns.settings(scenario);
        JobSettings slow =
                new JobSettings(
                        base.ranker(), base.topics(), base.seed(), base.auditShare(), SLOW_MS);
        int parallelism = 2;
        try (StreamPlatform platform = StreamPlatform.start(work, slow, 2, parallelism)) {
            byte[] bytes = run(platform, p -> {});
            assertArrayEquals(reference, bytes, "metrics.csv with a slow ranker");
            Manifest.Pipeline facts = platform.pipelineFacts();
            assertEquals(0L, facts.jobRestarts(), "restarts: " + facts);
            assertEquals(0, facts.deadLetteredRecords(), "dead letters: " + facts);
            assertEquals(0, facts.duplicateFeedsDropped(), "duplicates: " + facts);
            List<TicksInFlight.Span> spans =
                    TicksInFlight.spans(platform.bootstrapServers(), platform.topics()::name);
            assertEquals(scenario.ticks(), spans.size(), spans.toString());
            for (TicksInFlight.Span s : spans) {
                // The delay took effect: the subtasks slept at least this long for the tick.
                long slept = (long) SLOW_MS * s.feeds() / parallelism;
                assertTrue(
                        s.answeredMs() - s.publishedMs() >= slept,
                        "tick " + s.tick() + " answered sooner than " + slept + " ms: " + s);
            }
            int inFlight = TicksInFlight.max(spans);
            System.out.printf(
                    "slow ranker (%d ms per request): at most %d tick(s) in flight, %s%n",
                    SLOW_MS, inFlight, spans);
            assertTrue(
                    inFlight >= 1 && inFlight <= StreamPlatform.MAX_TICKS_IN_FLIGHT,
                    spans.toString());
        }
    }

    /**
     * About 1 % poison on every input topic, before every phase after the first: unreadable bytes,
     * an oversized record, a value out of range (NaN where the record has a number), and a record
     * naming ids the platform does not know. None restarts the job; each is on the dead-letter
     * topic exactly once, with its origin and reason; the run's bytes do not change.
     */
    @Test
    void poisonPillsAreDeadLetteredOnceEachAndChangeNothing() throws Exception {
        try (StreamPlatform platform =
                        StreamPlatform.start(work, FaultRuns.settings(scenario), 2, 2);
                KafkaProducer<byte[], byte[]> raw = producer(platform.bootstrapServers())) {
            Map<String, String> expected = new HashMap<>();
            Platform poisoning =
                    new Platform() {
                        private Post lastPost;

                        @Override
                        public ServedTick serve(
                                long t,
                                List<Post> posts,
                                List<FeedRequest> requests,
                                List<Impression> impressions)
                                throws Exception {
                            if (t > 0) {
                                poison(raw, t, lastPost, requests.get(0), expected);
                            }
                            lastPost = posts.get(0);
                            return platform.serve(t, posts, requests, impressions);
                        }

                        @Override
                        public List<ModelVersion> modelVersions() throws Exception {
                            return platform.modelVersions();
                        }

                        @Override
                        public Optional<IntPredicate> treated() {
                            return platform.treated();
                        }

                        @Override
                        public String engine() {
                            return platform.engine();
                        }

                        @Override
                        public Manifest.Pipeline pipelineFacts() throws Exception {
                            return platform.pipelineFacts();
                        }

                        @Override
                        public void close() {}
                    };
            byte[] bytes =
                    FaultRuns.csv(
                            SimulationRun.run(
                                    scenario.society(),
                                    scenario.seed(),
                                    scenario.ticks(),
                                    poisoning,
                                    List.of()));
            assertEquals(0L, platform.pipelineFacts().jobRestarts(), "no restart");
            Map<String, String> found = new HashMap<>();
            for (DeadLetter letter : platform.deadLetters()) {
                String origin = letter.topic() + "/" + letter.partition() + "@" + letter.offset();
                assertEquals(null, found.put(origin, letter.error()), "twice: " + origin);
            }
            assertEquals(expected.keySet(), found.keySet(), "the dead letters are the poison");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                assertTrue(
                        found.get(e.getKey()).startsWith(e.getValue()),
                        e.getKey()
                                + ": expected "
                                + e.getValue()
                                + ", got "
                                + found.get(e.getKey()));
            }
            assertEquals(12 * (scenario.ticks() - 1), expected.size());
            assertArrayEquals(reference, bytes, "metrics.csv with poison pills");
        }
    }

    /**
     * Sends the poison of phase t: four kinds on each input topic, each at the start of a
     * partition's phase, and records the origin and the reason expected for each.
     */
    private static void poison(
            KafkaProducer<byte[], byte[]> raw,
            long t,
            Post indexed,
            FeedRequest request,
            Map<String, String> expected)
            throws Exception {
        int partition = (int) (t % 2);
        byte[] big = new byte[InboundDecoder.MAX_RECORD_BYTES + 100];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        byte[] broken = "{\"type\":\"post\",\"schema\":2,".getBytes(StandardCharsets.UTF_8);
        // posts: unreadable, oversized, NaN stance, an id the platform already indexed.
        Post duplicate =
                Post.of(
                        indexed.postId(),
                        indexed.authorId(),
                        t,
                        indexed.topic(),
                        indexed.stance(),
                        indexed.outrageScore(),
                        -1);
        String posts = Topics.POSTS.name();
        send(raw, posts, partition, broken, expected, "Unexpected end-of-input");
        send(raw, posts, partition, big, expected, "oversized: ");
        send(
                raw,
                posts,
                partition,
                nan(JsonSerde.write(duplicate), "stance"),
                expected,
                "invalid value: stance NaN");
        send(
                raw,
                posts,
                partition,
                JsonSerde.write(duplicate),
                expected,
                "post id " + indexed.postId() + " is already indexed");
        // feed requests: unreadable, oversized, a size out of range, an id not the user's.
        String requests = Topics.FEED_REQUESTS.name();
        send(raw, requests, partition, broken, expected, "Unexpected end-of-input");
        send(raw, requests, partition, big, expected, "oversized: ");
        FeedRequest empty =
                FeedRequest.of(request.requestId(), request.userId(), t, request.following(), -1);
        send(
                raw,
                requests,
                partition,
                JsonSerde.write(empty),
                expected,
                "invalid value: feed size -1");
        FeedRequest forged = FeedRequest.of(12_345, request.userId(), t, request.following(), 20);
        send(
                raw,
                requests,
                partition,
                JsonSerde.write(forged),
                expected,
                "request id 12345 is not user " + request.userId());
        // impressions: unreadable, oversized, NaN dwell, a request nobody sent.
        String engagements = Topics.ENGAGEMENTS.name();
        Impression unknown = Impression.of(777, request.userId(), indexed.postId(), t - 1, 0, 0, 1);
        send(raw, engagements, partition, broken, expected, "Unexpected end-of-input");
        send(raw, engagements, partition, big, expected, "oversized: ");
        send(
                raw,
                engagements,
                partition,
                nan(JsonSerde.write(unknown), "dwell"),
                expected,
                "invalid value: dwell NaN");
        send(
                raw,
                engagements,
                partition,
                JsonSerde.write(unknown),
                expected,
                "unknown request id 777 for user " + request.userId());
        raw.flush();
    }

    /** The JSON with one number replaced by the string "NaN", which Jackson reads as NaN. */
    private static byte[] nan(byte[] json, String field) {
        return new String(json, StandardCharsets.UTF_8)
                .replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":\"NaN\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(
            KafkaProducer<byte[], byte[]> raw,
            String topic,
            int partition,
            byte[] value,
            Map<String, String> expected,
            String reason)
            throws Exception {
        RecordMetadata m = raw.send(new ProducerRecord<>(topic, partition, null, value)).get();
        expected.put(topic + "/" + m.partition() + "@" + m.offset(), reason);
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "1048576");
        return new KafkaProducer<>(p);
    }
}
