package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.MalformedRecordException;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Post;
import org.feedlab.events.TickEnd;
import org.feedlab.events.Topics;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.ranker.FeedRanker;
import org.feedlab.streams.JobSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The closed loop on the real pipeline: a Kafka broker in a child process and the ranking job on a
 * Flink MiniCluster. Reads every topic back with a plain consumer to prove the records went through
 * Kafka and Flink, and injects a malformed record to check it is dead-lettered while the run goes
 * on.
 */
class ClosedLoopIT {
    static final String SMALL =
            """
            name: loop-it
            seed: 11
            ticks: 5
            society:
              users: 250
              creators: 30
            ranker:
              objective: engagement
              bootstrap_ticks: 1
              retrain_every: 1
            """;

    @TempDir Path work;

    @Test
    void recordsTraverseKafkaAndFlink() throws Exception {
        Scenario s = ScenarioLoader.parse(SMALL, "loop-it.yaml");
        JobSettings settings =
                new JobSettings(s.ranker(), s.society().population().topics(), s.seed(), 0.1);
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        try (StreamPlatform platform = StreamPlatform.start(work, settings, 2, 2)) {
            String bootstrap = platform.bootstrapServers();
            List<FeedAudit> audits = new ArrayList<>();
            List<MetricRow> rows =
                    SimulationRun.run(
                            s.society(),
                            s.seed(),
                            s.ticks(),
                            platform,
                            List.of(
                                    tick -> {
                                        for (FeedAudit a : tick.audits()) {
                                            assertEquals(tick.tick(), a.tick());
                                            audits.add(a);
                                        }
                                        if (tick.tick() == 1) {
                                            produceRaw(bootstrap, Topics.POSTS.name(), garbage);
                                        }
                                    }));
            assertFalse(rows.isEmpty());

            List<FeedRequest> requests = new ArrayList<>();
            for (PlatformRecord r : records(bootstrap, Topics.FEED_REQUESTS.name())) {
                if (r instanceof FeedRequest q) {
                    requests.add(q);
                }
            }
            Map<Long, Feed> feeds = new HashMap<>();
            for (PlatformRecord r : records(bootstrap, Topics.FEEDS.name())) {
                Feed f = (Feed) r;
                assertEquals(null, feeds.put(f.requestId(), f), "duplicate feed " + f.requestId());
            }
            List<Impression> impressions = new ArrayList<>();
            for (PlatformRecord r : records(bootstrap, Topics.ENGAGEMENTS.name())) {
                if (r instanceof Impression i) {
                    impressions.add(i);
                }
            }
            int posts = 0;
            for (PlatformRecord r : records(bootstrap, Topics.POSTS.name())) {
                if (r instanceof Post) {
                    posts++;
                }
            }

            // Every feed request got exactly one feed, and every feed answers a request.
            assertTrue(requests.size() > 100, "requests: " + requests.size());
            assertEquals(requests.size(), feeds.size());
            Set<Long> requestIds = new HashSet<>();
            for (FeedRequest q : requests) {
                assertTrue(requestIds.add(q.requestId()), "duplicate request " + q.requestId());
                Feed f = feeds.get(q.requestId());
                assertNotNull(f, "no feed for request " + q.requestId());
                assertEquals(q.userId(), f.userId());
                assertEquals(q.tick(), f.tick());
            }
            // Every engagement refers to an impression that was served: same post at the same
            // position of the feed of its request, ranked by the version that feed carries.
            assertTrue(impressions.size() > 500, "impressions: " + impressions.size());
            for (Impression i : impressions) {
                Feed f = feeds.get(i.requestId());
                assertNotNull(f, "impression of unknown request " + i.requestId());
                FeedItem served = f.items().get(i.position());
                assertEquals(served.postId(), i.postId());
                assertEquals(f.modelVersion(), i.modelVersion());
                assertEquals(f.userId(), i.userId());
            }
            assertTrue(posts > 50, "posts: " + posts);
            // Models were trained and announced, and later feeds carry their versions.
            assertFalse(platform.modelVersions().isEmpty());
            assertTrue(
                    feeds.values().stream().anyMatch(f -> f.modelVersion() != ModelVersion.NONE));

            // The audit topic explains every feed of the sampled users, and no other; each tick
            // delivers the audits of its own feeds.
            long auditedFeeds =
                    feeds.values().stream()
                            .filter(f -> settings.audit().includes(f.userId()))
                            .count();
            assertTrue(auditedFeeds > 0, "no feed of a sampled user");
            assertEquals(auditedFeeds, audits.size());
            for (FeedAudit a : audits) {
                assertTrue(
                        settings.audit().includes(a.userId()),
                        "audit of an unsampled user " + a.userId());
                assertEquals(feeds.get(a.requestId()).items().size(), a.items().size());
                assertEquals(feeds.get(a.requestId()).tick(), a.tick());
            }

            // The malformed record went to the dead-letter topic with its origin.
            List<ConsumerRecord<byte[], byte[]>> dead =
                    TopicReader.readAll(bootstrap, Topics.DEAD_LETTERS.name());
            assertEquals(1, dead.size());
            DeadLetter letter = JsonSerde.read(dead.get(0).value(), DeadLetter.class);
            assertEquals(Topics.POSTS.name(), letter.topic());
            assertEquals("{not json", letter.payload());
            assertTrue(letter.offset() >= 0);
        }
    }

    @Test
    void sameSeedSameBytesAcrossRunsParallelismAndEngines() throws Exception {
        Scenario s = ScenarioLoader.parse(SMALL, "loop-it.yaml");
        byte[] first = run(s, 1, false, "p1-a");
        byte[] again = run(s, 1, false, "p1-b");
        // An audit publishes explanations and changes nothing else.
        Scenario audited =
                ScenarioLoader.parse(SMALL + "stream:\n  audit_share: 0.2\n", "loop-it.yaml");
        byte[] parallel = run(audited, 2, false, "p2");
        List<String> auditLines = Files.readAllLines(work.resolve("p2").resolve(FeedAuditLog.FILE));
        assertFalse(auditLines.isEmpty());
        assertTrue(auditLines.get(0).contains("\"terms\""), auditLines.get(0));
        byte[] direct = run(s, 1, true, "direct");
        assertArrayEquals(first, again, "same seed twice");
        assertArrayEquals(first, parallel, "parallelism 1 vs 2");
        assertArrayEquals(first, direct, "stream vs direct engine");
        byte[] otherSeed = run(s.withSeed(12), 1, true, "direct-seed-12");
        assertFalse(Arrays.equals(first, otherSeed), "a different seed changes the run");
        // Every run stopped what it started: no broker process is left behind.
        assertEquals(
                List.of(),
                ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    /**
     * Every objective and policy that keeps state (the replay's fits and multipliers, the trainer,
     * membership draws, the feature mask), on a 3-tick society that audits every feed: the stream
     * engine serves exactly the direct engine's feeds, so metrics.csv and feed-audit.jsonl (every
     * item's post, score and terms, in order) are the same bytes; and in every audited item of the
     * stream run, the listed terms add up to the served score.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("statefulCases")
    void streamServesTheDirectEnginesFeeds(String label, String ranker, Set<String> mustList)
            throws Exception {
        Scenario s =
                ScenarioLoader.parse(
                        "name: stateful\nseed: 17\nticks: 3\n"
                                + "society: {users: 200, creators: 30}\n"
                                + "ranker:\n  bootstrap_ticks: 1\n  retrain_every: 1\n"
                                + ranker
                                + "stream: {audit_share: 1.0}\n",
                        label + ".yaml");
        String name = label.replaceAll("[^a-z]+", "-");
        byte[] stream = run(s, 2, false, name + "-stream");
        byte[] direct = run(s, 1, true, name + "-direct");
        assertArrayEquals(direct, stream, "metrics.csv, stream vs direct");
        byte[] streamAudits =
                Files.readAllBytes(work.resolve(name + "-stream").resolve(FeedAuditLog.FILE));
        byte[] directAudits =
                Files.readAllBytes(work.resolve(name + "-direct").resolve(FeedAuditLog.FILE));
        assertArrayEquals(directAudits, streamAudits, "feed-audit.jsonl, stream vs direct");
        Set<String> listed = new HashSet<>();
        int items = 0;
        for (String line : new String(streamAudits, StandardCharsets.UTF_8).split("\n")) {
            FeedAudit audit = JsonSerde.mapper().readValue(line, FeedAudit.class);
            listed.add(audit.kind().name());
            for (FeedAudit.Item item : audit.items()) {
                double sum = 0;
                double largest = Math.abs(item.score());
                for (FeedAudit.Term t : item.terms()) {
                    sum += t.value();
                    largest = Math.max(largest, Math.abs(t.value()));
                    if (t.value() != 0.0) {
                        listed.add(t.kind() == FeedAudit.TermKind.HEAD ? "HEAD" : t.name());
                    }
                }
                assertEquals(
                        item.score(),
                        sum,
                        1e-9 * largest,
                        "request " + audit.requestId() + " post " + item.postId());
                items++;
            }
        }
        assertTrue(items > 500, "audited items: " + items);
        assertTrue(listed.containsAll(mustList), "listed " + listed + ", expected " + mustList);
    }

    static Stream<Arguments> statefulCases() {
        return Stream.of(
                Arguments.of("bridging", "  objective: bridging\n", Set.of("RANKED", "bridging")),
                Arguments.of(
                        "outrage cap, penalty, bonus and demotion",
                        "  objective: {preset: engagement-outrage-cap, outrage_cap: 0.002,"
                                + " cap_step: 50, outrage_penalty: 0.5, diversity_bonus: 1.0}\n"
                                + "  policies: [{type: outrage-demotion, strength: 0.5}]\n",
                        Set.of(
                                "HEAD",
                                "outrage_penalty",
                                "outrage_cap",
                                "diversity_bonus",
                                "outrage-demotion")),
                Arguments.of(
                        "session-aware slate with demotion",
                        "  objective: session-aware\n"
                                + "  policies: [{type: outrage-demotion, strength: 0.5}]\n",
                        Set.of("RANKED", "HEAD", FeedRanker.SESSION_VALUE, "outrage-demotion")),
                Arguments.of(
                        "control group and non-profiling chronological",
                        "  policies: [{type: control-group, share: 0.3},"
                                + " {type: non-profiling, share: 0.3}]\n",
                        Set.of("RANKED", "CONTROL_CHRONOLOGICAL", "NON_PROFILING_CHRONOLOGICAL")),
                Arguments.of(
                        "linear model, telemetry restriction, non-profiling popular",
                        "  model: linear\n  policies: [{type: telemetry-restriction, groups: [user,"
                                + " recency]}, {type: non-profiling, share: 0.3, order:"
                                + " popularity}]\n",
                        Set.of("RANKED", "NON_PROFILING_POPULAR", "HEAD", "popularity")),
                Arguments.of(
                        "user history withheld from tick 2",
                        "  policies: [{type: telemetry-restriction, groups: [user, user_history],"
                                + " from_tick: 2}]\n",
                        Set.of("RANKED", "HEAD")),
                Arguments.of(
                        "reshares removed and like-minded items cut, inside a window",
                        "  policies: [{type: remove-reshares, share: 0.5, start: 1, end: 3},"
                                + " {type: rerank, target: like-minded, factor: 0.5, share: 0.5,"
                                + " start: 1}]\n",
                        Set.of("RANKED", "HEAD")));
    }

    private byte[] run(Scenario s, int parallelism, boolean direct, String name) throws Exception {
        Path out = work.resolve(name);
        var request =
                new RunRequest(
                        s.withParallelism(parallelism),
                        out,
                        direct,
                        List.of(),
                        Watching.metricsOnly(0),
                        true,
                        "loop-it.yaml");
        new LabLauncher(work.resolve("runs"), System.out).execute(request);
        return Files.readAllBytes(out.resolve("metrics.csv"));
    }

    private static List<PlatformRecord> records(String bootstrap, String topic) throws Exception {
        List<PlatformRecord> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, topic)) {
            PlatformRecord rec;
            try {
                rec = JsonSerde.read(r.value());
            } catch (MalformedRecordException e) {
                // Only the record this test injected may be unreadable; it is checked below.
                assertEquals("{not json", new String(r.value(), StandardCharsets.UTF_8));
                continue;
            }
            if (!(rec instanceof TickEnd)) {
                out.add(rec);
            }
        }
        return out;
    }

    private static void produceRaw(String bootstrap, String topic, byte[] value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, 0, null, value));
            producer.flush();
        }
    }
}
