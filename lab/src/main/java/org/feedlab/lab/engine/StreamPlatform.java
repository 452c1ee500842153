package org.feedlab.lab.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.events.TickEnd;
import org.feedlab.events.Topic;
import org.feedlab.events.Topics;
import org.feedlab.lab.flink.EmbeddedFlink;
import org.feedlab.lab.kafka.EmbeddedKafka;
import org.feedlab.lab.run.Manifest;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.streams.Inbound;
import org.feedlab.streams.JobSettings;
import org.feedlab.streams.KafkaEndpoints;
import org.feedlab.streams.RankingTopology;
import org.feedlab.streams.TickWatermarks;

/**
 * The platform as the real pipeline: a Kafka broker in a child process and the ranking job on a
 * Flink MiniCluster. Each phase is produced to the input topics followed by a tick-end marker on
 * every partition; the feeds (and the audits of the sampled users' feeds) are read back from their
 * topics and deduplicated by request id.
 */
public final class StreamPlatform implements Platform {
    /**
     * How long the society waits for a tick's feeds while the job is running. Generous: a
     * retraining on a loaded two-core machine can take minutes; a job that fails is detected at
     * once through its status.
     */
    private static final Duration FEED_TIMEOUT = Duration.ofMinutes(15);

    private final EmbeddedKafka kafka;
    private final EmbeddedFlink flink;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> feeds;
    private final int partitions;

    /** Whose feeds the job explains on the audit topic ({@link Audit#none()} without one). */
    private final Audit audit;

    private final Set<Long> delivered = new HashSet<>();
    private final Set<Long> auditsDelivered = new HashSet<>();
    private int duplicateFeeds;

    private StreamPlatform(
            EmbeddedKafka kafka,
            EmbeddedFlink flink,
            KafkaProducer<byte[], byte[]> producer,
            KafkaConsumer<byte[], byte[]> feeds,
            int partitions,
            Audit audit) {
        this.kafka = kafka;
        this.flink = flink;
        this.producer = producer;
        this.feeds = feeds;
        this.partitions = partitions;
        this.audit = audit;
    }

    /** Starts the broker, creates the topics, and submits the job. */
    public static StreamPlatform start(
            Path workDir, JobSettings settings, int partitions, int parallelism) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"), partitions);
        EmbeddedFlink flink = null;
        try {
            kafka.createTopics(Topics.ALL.stream().map(Topic::name).toList(), partitions);
            flink = EmbeddedFlink.start(parallelism, workDir.resolve("flink"));
            attachJob(flink, kafka.bootstrapServers(), settings);
            flink.submit("feedlab-ranking");
            boolean audited = settings.auditShare() > 0.0;
            return new StreamPlatform(
                    kafka,
                    flink,
                    new KafkaProducer<>(producerProps(kafka.bootstrapServers())),
                    feedConsumer(kafka.bootstrapServers(), partitions, audited),
                    partitions,
                    audited ? settings.audit() : Audit.none());
        } catch (Exception e) {
            if (flink != null) {
                flink.close();
            }
            kafka.close();
            throw e;
        }
    }

    /** Wires the pure topology between the Kafka source and sinks. */
    static void attachJob(EmbeddedFlink flink, String bootstrap, JobSettings settings) {
        var env = flink.env();
        var inbound =
                env.fromSource(
                                KafkaEndpoints.source(bootstrap, "feedlab-ranking"),
                                TickWatermarks.strategy(),
                                "Platform topics")
                        .uid("kafka-source")
                        .returns(Inbound.class);
        RankingTopology.Outputs out = RankingTopology.build(inbound, settings);
        out.feeds()
                .sinkTo(KafkaEndpoints.feedSink(bootstrap))
                .uid("feeds-sink")
                .name("Feeds to Kafka");
        out.modelVersions()
                .sinkTo(KafkaEndpoints.modelVersionSink(bootstrap))
                .uid("model-versions-sink")
                .name("Model versions to Kafka");
        out.deadLetters()
                .sinkTo(KafkaEndpoints.deadLetterSink(bootstrap))
                .uid("dead-letters-sink")
                .name("Dead letters to Kafka");
        if (settings.auditShare() > 0.0) {
            out.audits()
                    .sinkTo(KafkaEndpoints.auditSink(bootstrap))
                    .uid("feed-audit-sink")
                    .name("Feed audits to Kafka");
        }
    }

    @Override
    public ServedTick serve(
            long tick, List<Post> posts, List<FeedRequest> requests, List<Impression> impressions)
            throws Exception {
        for (Post p : posts) {
            send(Topics.POSTS, Long.toString(p.postId()), JsonSerde.write(p));
        }
        for (FeedRequest r : requests) {
            send(Topics.FEED_REQUESTS, Integer.toString(r.userId()), JsonSerde.write(r));
        }
        for (Impression i : impressions) {
            send(Topics.ENGAGEMENTS, Integer.toString(i.userId()), JsonSerde.write(i));
        }
        for (Topic<?> topic : Topics.JOB_INPUTS) {
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(
                        new ProducerRecord<>(
                                topic.name(),
                                partition,
                                null,
                                JsonSerde.write(TickEnd.of(tick, partition))));
            }
        }
        producer.flush();
        return awaitFeeds(tick, requests);
    }

    private void send(Topic<?> topic, String key, byte[] value) {
        producer.send(
                new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8), value));
    }

    /**
     * Reads the feeds of tick t's requests, and the audits of the feeds the audit samples, from
     * their topics until each request has its answer.
     */
    private ServedTick awaitFeeds(long tick, List<FeedRequest> requests) throws Exception {
        Set<Long> awaited = new HashSet<>();
        Set<Long> awaitedAudits = new HashSet<>();
        for (FeedRequest r : requests) {
            awaited.add(r.requestId());
            if (audit.includes(r.userId())) {
                awaitedAudits.add(r.requestId());
            }
        }
        Map<Integer, Feed> byUser = new HashMap<>();
        Map<Long, FeedAudit> audits = new TreeMap<>();
        long deadline = System.nanoTime() + FEED_TIMEOUT.toNanos();
        while (!awaited.isEmpty() || !awaitedAudits.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "timed out waiting for "
                                + awaited.size()
                                + " feeds and "
                                + awaitedAudits.size()
                                + " audits of tick "
                                + tick
                                + "; ranking job status: "
                                + flink.status());
            }
            for (ConsumerRecord<byte[], byte[]> rec : feeds.poll(Duration.ofMillis(50))) {
                if (rec.topic().equals(Topics.FEED_AUDIT.name())) {
                    FeedAudit a = JsonSerde.mapper().readValue(rec.value(), FeedAudit.class);
                    // The sink is at-least-once: keep one audit per request, as one feed.
                    if (auditsDelivered.add(a.requestId())) {
                        if (!awaitedAudits.remove(a.requestId())) {
                            throw new IllegalStateException(
                                    "audit for unexpected request "
                                            + a.requestId()
                                            + " at tick "
                                            + tick);
                        }
                        audits.put(a.requestId(), a);
                    }
                    continue;
                }
                Feed feed = (Feed) JsonSerde.read(rec.value());
                if (!delivered.add(feed.requestId())) {
                    duplicateFeeds++;
                    continue;
                }
                if (!awaited.remove(feed.requestId())) {
                    throw new IllegalStateException(
                            "feed for unexpected request " + feed.requestId() + " at tick " + tick);
                }
                byUser.put(feed.userId(), feed);
            }
            if (awaited.isEmpty() && awaitedAudits.isEmpty()) {
                break;
            }
            JobStatus status = flink.status();
            if (status.isGloballyTerminalState()) {
                throw new IllegalStateException("ranking job ended early: " + status);
            }
        }
        return new ServedTick(byUser, new ArrayList<>(audits.values()));
    }

    @Override
    public List<ModelVersion> modelVersions() throws Exception {
        List<ModelVersion> out = new ArrayList<>();
        for (byte[] value : readAll(Topics.MODEL_VERSIONS.name())) {
            out.add((ModelVersion) JsonSerde.read(value));
        }
        out.sort(Comparator.comparingLong(ModelVersion::tick));
        return out;
    }

    @Override
    public Manifest.Pipeline pipelineFacts() throws Exception {
        return Manifest.Pipeline.stream(
                readAll(Topics.DEAD_LETTERS.name()).size(), duplicateFeeds, partitions);
    }

    /** Every record currently on a topic, read from the beginning to the end offsets. */
    private List<byte[]> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(kafka.bootstrapServers())) {
            List<TopicPartition> tps = fromBeginning(c, List.of(topic), partitions);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            List<byte[]> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + topic);
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }

    /** The broker's address, for tests that read the topics themselves. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String engine() {
        return "stream";
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (AutoCloseable c : new AutoCloseable[] {feeds, producer, flink, kafka}) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return p;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(p);
    }

    /** Assigns every partition of the topics to the consumer, from the first offset. */
    private static List<TopicPartition> fromBeginning(
            KafkaConsumer<byte[], byte[]> c, List<String> topics, int partitions) {
        List<TopicPartition> tps = new ArrayList<>();
        for (String topic : topics) {
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(topic, p));
            }
        }
        c.assign(tps);
        c.seekToBeginning(tps);
        return tps;
    }

    /** A consumer of the feeds topic, and of the audit topic when the job publishes audits. */
    private static KafkaConsumer<byte[], byte[]> feedConsumer(
            String bootstrap, int partitions, boolean audited) {
        KafkaConsumer<byte[], byte[]> c = consumer(bootstrap);
        fromBeginning(
                c,
                audited
                        ? List.of(Topics.FEEDS.name(), Topics.FEED_AUDIT.name())
                        : List.of(Topics.FEEDS.name()),
                partitions);
        return c;
    }
}
