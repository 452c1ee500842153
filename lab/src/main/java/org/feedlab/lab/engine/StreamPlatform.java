package org.feedlab.lab.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.feedlab.events.DeadLetter;
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
import org.feedlab.lab.flink.JobJars;
import org.feedlab.lab.flink.RankingJob;
import org.feedlab.lab.kafka.EmbeddedKafka;
import org.feedlab.lab.kafka.KafkaTopics;
import org.feedlab.lab.run.ClusterAddress;
import org.feedlab.lab.run.Manifest;
import org.feedlab.ranker.policy.Intervention;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.streams.Checkpointing;
import org.feedlab.streams.JobSettings;
import org.feedlab.streams.JobTopics;
import org.feedlab.streams.KafkaEndpoints;
import org.feedlab.streams.RankingTopology;
import org.feedlab.streams.TickWatermarks;
import org.feedlab.streams.types.StreamTypes;

/**
 * The platform as the real pipeline: the ranking job on a Flink cluster fed from a Kafka broker
 * (embedded: a broker in a child process and a MiniCluster in this JVM). Each phase is produced to
 * the input topics followed by a tick-end marker on every partition; the feeds (and the audits of
 * the sampled users' feeds) are read back from their topics and deduplicated by request id. At the
 * end the job is stopped with a savepoint, which commits the exactly-once sinks' last transaction,
 * and the model versions and dead letters are read committed.
 */
public final class StreamPlatform implements Platform {
    /**
     * How long the society waits for a tick's feeds while the job is running. Generous: a
     * retraining on a loaded two-core machine can take minutes; a job that fails is detected at
     * once through its status.
     */
    private static final Duration FEED_TIMEOUT = Duration.ofMinutes(15);

    /**
     * Ticks the society can have published and not yet answered. {@link #serve} publishes phase t
     * and returns only when every feed of tick t is in, and the society publishes phase t+1 only
     * after it has read them: a slow ranker makes the society wait, it never lets records pile up
     * ahead of the job (Flink's backpressure holds the rest in Kafka).
     */
    public static final int MAX_TICKS_IN_FLIGHT = 1;

    /** Where the job runs and what it reads and writes. */
    private final String bootstrap;

    private final JobTopics topics;
    private final int partitions;

    /** URI of the final savepoint's directory, or null for the cluster's own. */
    private final String savepoints;

    /** "stream" on the embedded cluster, "cluster" on a separate one. */
    private final String engine;

    private RankingJob job;

    /** How the job was built and where it runs, to submit it again from a savepoint. */
    private final Submission submission;

    /** The embedded broker and cluster, or null on a separate cluster. */
    private final EmbeddedKafka embeddedKafka;

    private final EmbeddedFlink embeddedFlink;

    /** What this platform started and stops on close, in the order to stop it. */
    private final List<AutoCloseable> owned;

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> feeds;

    /** Whose feeds the job explains on the audit topic ({@link Audit#none()} without one). */
    private final Audit audit;

    private final Set<Long> delivered = new HashSet<>();
    private final Set<Long> auditsDelivered = new HashSet<>();
    private int duplicateFeeds;
    private Manifest.Pipeline jobFacts;
    private FeedTiming timing = FeedTiming.NONE;

    /**
     * When a tick's records reached the broker and when each feed came back, on the lab's clock
     * ({@link System#nanoTime}): for {@code feedlab bench pipeline}'s feed latency. The domain
     * never sees these moments.
     */
    public interface FeedTiming {
        /** Nothing is timed. */
        FeedTiming NONE =
                new FeedTiming() {
                    @Override
                    public void flushed(long tick, long nanoTime) {}

                    @Override
                    public void delivered(long tick, long requestId, long nanoTime) {}
                };

        /**
         * Every record of phase t (posts, requests, impressions) and its tick-end markers were
         * acknowledged by the broker: the producer's flush returned.
         */
        void flushed(long tick, long nanoTime);

        /**
         * The feed of a request of tick t was read from the feeds topic for the first time; the
         * moment is when the poll that returned it came back.
         */
        void delivered(long tick, long requestId, long nanoTime);
    }

    private StreamPlatform(
            String bootstrap,
            JobTopics topics,
            int partitions,
            String savepoints,
            String engine,
            Submission submission,
            EmbeddedKafka embeddedKafka,
            EmbeddedFlink embeddedFlink,
            List<AutoCloseable> owned,
            Audit audit)
            throws Exception {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.partitions = partitions;
        this.savepoints = savepoints;
        this.engine = engine;
        this.submission = submission;
        this.embeddedKafka = embeddedKafka;
        this.embeddedFlink = embeddedFlink;
        this.job = submission.submit(submission.parallelism(), null);
        this.owned = owned;
        this.audit = audit;
        this.producer = new KafkaProducer<>(producerProps(bootstrap));
        this.feeds = consumer(bootstrap, false);
        // The audit topic too when the job publishes audits: a tick's audits come with its feeds.
        fromBeginning(
                feeds,
                audit == Audit.none()
                        ? List.of(topics.name(Topics.FEEDS))
                        : List.of(topics.name(Topics.FEEDS), topics.name(Topics.FEED_AUDIT)),
                partitions);
    }

    @Override
    public Optional<IntPredicate> treated() {
        JobSettings settings = submission.settings();
        return Intervention.treatedBy(settings.ranker().policies(), settings.seed());
    }

    /**
     * Starts a broker and a MiniCluster, creates the topics, and submits the job; everything it
     * started is stopped by {@link #close()}.
     */
    public static StreamPlatform start(
            Path workDir, JobSettings settings, int partitions, int parallelism) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"), partitions);
        EmbeddedFlink flink = null;
        try {
            kafka.createTopics(JobTopics.PLAIN.all(), partitions);
            flink = EmbeddedFlink.start(1, parallelism, workDir.resolve("flink"));
            Path state = workDir.resolve("flink-state");
            Submission submission =
                    new Submission(
                            flink.client(),
                            flink.restAddress(),
                            kafka.bootstrapServers(),
                            JobTopics.PLAIN,
                            "feedlab",
                            settings,
                            parallelism,
                            Checkpointing.to(state.resolve("checkpoints").toUri().toString()),
                            false);
            return new StreamPlatform(
                    kafka.bootstrapServers(),
                    JobTopics.PLAIN,
                    partitions,
                    state.resolve("savepoints").toUri().toString(),
                    "stream",
                    submission,
                    kafka,
                    flink,
                    List.of(flink, kafka),
                    settings.auditShare() > 0.0 ? settings.audit() : Audit.none());
        } catch (Exception e) {
            if (flink != null) {
                flink.close();
            }
            kafka.close();
            throw e;
        }
    }

    /**
     * Runs the job on a separate cluster: creates the run's topics on its broker under a prefix of
     * their own ({@code feedlab.<run>-<random>.}, so runs never share records), and submits the job
     * through the JobManager's REST endpoint, with the job's classes as user jars when {@link
     * ClusterAddress#shipJobJars()}. Checkpoints go where the cluster's configuration says. The
     * topics stay on the broker after the run.
     */
    public static StreamPlatform connect(
            ClusterAddress cluster,
            String runName,
            JobSettings settings,
            int partitions,
            int parallelism)
            throws Exception {
        String id =
                "feedlab."
                        + runName.replaceAll("[^A-Za-z0-9_-]", "_")
                        + "-"
                        + UUID.randomUUID().toString().substring(0, 8);
        JobTopics topics = new JobTopics(id + ".");
        KafkaTopics.create(cluster.kafka(), topics.all(), partitions);
        String[] rest = cluster.flink().split(":");
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, rest[0]);
        conf.set(RestOptions.PORT, Integer.parseInt(rest[1]));
        RestClusterClient<StandaloneClusterId> client =
                new RestClusterClient<>(conf, StandaloneClusterId.getInstance());
        try {
            Submission submission =
                    new Submission(
                            client,
                            URI.create("http://" + cluster.flink() + "/"),
                            cluster.kafka(),
                            topics,
                            id,
                            settings,
                            parallelism,
                            Checkpointing.to(null),
                            cluster.shipJobJars());
            return new StreamPlatform(
                    cluster.kafka(),
                    topics,
                    partitions,
                    cluster.savepoints(),
                    "cluster",
                    submission,
                    null,
                    null,
                    List.of(client),
                    settings.auditShare() > 0.0 ? settings.audit() : Audit.none());
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    /** The job graph: the pure topology between the Kafka source and sinks, with checkpointing. */
    public static JobGraph jobGraph(
            String bootstrap,
            JobTopics topics,
            String transactionalIdPrefix,
            JobSettings settings,
            int parallelism,
            Checkpointing checkpointing) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(checkpointing.configuration());
        env.setParallelism(parallelism);
        KafkaEndpoints kafka = new KafkaEndpoints(bootstrap, topics, transactionalIdPrefix);
        var inbound =
                env.fromSource(
                                kafka.source(transactionalIdPrefix + "-ranking"),
                                TickWatermarks.strategy(),
                                "Platform topics")
                        .uid("kafka-source")
                        .returns(StreamTypes.INBOUND);
        RankingTopology.Outputs out = RankingTopology.build(inbound, settings);
        out.feeds().sinkTo(kafka.feedSink()).uid("feeds-sink").name("Feeds to Kafka");
        // One writer, like the replay it follows, whatever the job's parallelism: the two stay
        // chained in every job graph, so a savepoint restores at another parallelism.
        out.modelVersions()
                .sinkTo(kafka.modelVersionSink())
                .setParallelism(1)
                .setMaxParallelism(1)
                .uid("model-versions-sink")
                .name("Model versions to Kafka");
        out.deadLetters()
                .sinkTo(kafka.deadLetterSink())
                .uid("dead-letters-sink")
                .name("Dead letters to Kafka");
        if (settings.auditShare() > 0.0) {
            out.audits()
                    .sinkTo(kafka.auditSink())
                    .uid("feed-audit-sink")
                    .name("Feed audits to Kafka");
        }
        var streamGraph = env.getStreamGraph();
        streamGraph.setJobName("feedlab-ranking " + transactionalIdPrefix);
        JobGraph graph = streamGraph.getJobGraph();
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.none());
        return graph;
    }

    /**
     * How to submit the job (again): the cluster's client and REST address, and everything the job
     * graph is built from.
     */
    private record Submission(
            ClusterClient<?> client,
            URI rest,
            String bootstrap,
            JobTopics topics,
            String prefix,
            JobSettings settings,
            int parallelism,
            Checkpointing checkpointing,
            boolean shipJobJars) {

        /** Submits the job at a parallelism, restored from {@code savepoint} unless null. */
        RankingJob submit(int atParallelism, String savepoint) throws Exception {
            JobGraph graph =
                    jobGraph(bootstrap, topics, prefix, settings, atParallelism, checkpointing);
            if (savepoint != null) {
                graph.setSavepointRestoreSettings(
                        SavepointRestoreSettings.forPath(savepoint, false));
            }
            if (shipJobJars) {
                graph.addJars(JobJars.forRemoteCluster());
            }
            return RankingJob.submit(client, rest, graph);
        }
    }

    /**
     * Stops the job with a savepoint and submits it again from that savepoint at another
     * parallelism: keyed state is redistributed over the new subtasks, the replay's operator state
     * and the source's offsets carry over, and the run goes on as if nothing had happened (the
     * cluster needs the slots). Returns the savepoint's path.
     */
    public String resumeAt(int parallelism) throws Exception {
        String path = job.stopWithSavepoint(savepoints);
        job = submission.submit(parallelism, path);
        return path;
    }

    /** Reports the moments of every following tick to {@code timing}. */
    public void timeWith(FeedTiming timing) {
        this.timing = timing;
    }

    /** The run's topic names. */
    public JobTopics topics() {
        return topics;
    }

    /** The embedded broker, or null on a separate cluster (for a broker restart). */
    public EmbeddedKafka embeddedBroker() {
        return embeddedKafka;
    }

    /** The embedded Flink cluster, or null on a separate cluster (to stop a TaskManager). */
    public EmbeddedFlink embeddedFlink() {
        return embeddedFlink;
    }

    @Override
    public ServedTick serve(
            long tick, List<Post> posts, List<FeedRequest> requests, List<Impression> impressions)
            throws Exception {
        for (Post p : posts) {
            send(Topics.POSTS, Long.toString(p.postId()), JsonSerde.writeWire(p));
        }
        for (FeedRequest r : requests) {
            send(Topics.FEED_REQUESTS, Integer.toString(r.userId()), JsonSerde.writeWire(r));
        }
        for (Impression i : impressions) {
            send(Topics.ENGAGEMENTS, Integer.toString(i.userId()), JsonSerde.writeWire(i));
        }
        for (Topic<?> topic : Topics.JOB_INPUTS) {
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(
                        new ProducerRecord<>(
                                topics.name(topic),
                                partition,
                                null,
                                JsonSerde.write(TickEnd.of(tick, partition))));
            }
        }
        producer.flush();
        timing.flushed(tick, System.nanoTime());
        return awaitFeeds(tick, requests);
    }

    private void send(Topic<?> topic, String key, byte[] value) {
        producer.send(
                new ProducerRecord<>(
                        topics.name(topic), key.getBytes(StandardCharsets.UTF_8), value));
    }

    /**
     * Reads the feeds of tick t's requests, and the audits of the feeds the audit samples, from
     * their topics until each request has its answer; a duplicate (the sinks are at-least-once) is
     * dropped by request id.
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
        String auditTopic = topics.name(Topics.FEED_AUDIT);
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
                                + job.status());
            }
            ConsumerRecords<byte[], byte[]> polled = feeds.poll(Duration.ofMillis(50));
            long polledAt = System.nanoTime();
            for (ConsumerRecord<byte[], byte[]> rec : polled) {
                if (rec.topic().equals(auditTopic)) {
                    FeedAudit a = JsonSerde.read(rec.value(), FeedAudit.class);
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
                timing.delivered(tick, feed.requestId(), polledAt);
            }
            if (awaited.isEmpty() && awaitedAudits.isEmpty()) {
                break;
            }
            JobStatus status = job.status();
            if (status.isGloballyTerminalState()) {
                throw new IllegalStateException(
                        "ranking job ended early: " + status + "\n" + job.lastFailure());
            }
        }
        return new ServedTick(byUser, new ArrayList<>(audits.values()));
    }

    /**
     * Ends the job once the society is done: records its checkpoint statistics and restart count,
     * then stops it with a savepoint, which commits the exactly-once sinks' last records. Called
     * before the first read of a topic those sinks write; only the first call stops the job.
     */
    public Manifest.Pipeline finish() throws Exception {
        if (jobFacts == null) {
            RankingJob.Checkpoints cp = job.checkpoints();
            long restarts = job.restarts();
            if (savepoints != null && savepoints.startsWith("file:")) {
                Files.createDirectories(Path.of(URI.create(savepoints)));
            }
            job.stopWithSavepoint(savepoints);
            if (job.savepointsAborted() > 0) {
                // The job failed and restarted while it was being stopped: count that restart.
                restarts = Math.max(restarts + job.savepointsAborted(), stoppedRestarts(restarts));
            }
            jobFacts =
                    Manifest.Pipeline.stream(0, 0, partitions)
                            .withJob(
                                    restarts,
                                    cp.completed(),
                                    cp.restored(),
                                    cp.latestStateBytes(),
                                    cp.latestDurationMillis());
        }
        return jobFacts;
    }

    /** The stopped job's restart count as its JobManager recorded it, or {@code before}. */
    private long stoppedRestarts(long before) {
        try {
            return job.restarts();
        } catch (IOException | RuntimeException e) {
            return before;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return before;
        }
    }

    @Override
    public List<ModelVersion> modelVersions() throws Exception {
        finish();
        // One record per version: exactly-once, so a restored job's replay shows none twice.
        Map<Integer, ModelVersion> byVersion = new TreeMap<>();
        for (byte[] value : readAll(Topics.MODEL_VERSIONS)) {
            ModelVersion v = (ModelVersion) JsonSerde.read(value);
            if (byVersion.put(v.version(), v) != null) {
                throw new IllegalStateException("model version " + v.version() + " read twice");
            }
        }
        List<ModelVersion> out = new ArrayList<>(byVersion.values());
        out.sort(Comparator.comparingLong(ModelVersion::tick));
        return out;
    }

    /** The dead letters the job wrote, read committed (each exactly once). */
    public List<DeadLetter> deadLetters() throws Exception {
        finish();
        List<DeadLetter> out = new ArrayList<>();
        for (byte[] value : readAll(Topics.DEAD_LETTERS)) {
            out.add(JsonSerde.read(value, DeadLetter.class));
        }
        return out;
    }

    @Override
    public Manifest.Pipeline pipelineFacts() throws Exception {
        Manifest.Pipeline job = finish();
        return Manifest.Pipeline.stream(deadLetters().size(), duplicateFeeds, partitions)
                .withJob(
                        job.jobRestarts(),
                        job.checkpointsCompleted(),
                        job.checkpointsRestored(),
                        job.lastCheckpointStateBytes(),
                        job.lastCheckpointDurationMs());
    }

    /**
     * Every record currently on a topic, read from the beginning to the end offsets; committed
     * records only, so an exactly-once sink's aborted or open transactions are not read.
     */
    private List<byte[]> readAll(Topic<?> topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, true)) {
            List<TopicPartition> tps = fromBeginning(c, List.of(topics.name(topic)), partitions);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            List<byte[]> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + topics.name(topic));
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
        return bootstrap;
    }

    /** The job, for its status and statistics (and for tests that stop or restore it). */
    public RankingJob job() {
        return job;
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public void close() throws Exception {
        List<AutoCloseable> all =
                new ArrayList<>(List.<AutoCloseable>of(feeds, producer, job::cancel));
        all.addAll(owned);
        Exception failure = null;
        for (AutoCloseable c : all) {
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

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, boolean committed) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                committed ? "read_committed" : "read_uncommitted");
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
}
