package org.feedlab.streams;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.lineage.DefaultKafkaDatasetFacet;
import org.apache.flink.connector.kafka.lineage.DefaultKafkaDatasetIdentifier;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacet;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacetProvider;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.TransactionNamingStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Topic;
import org.feedlab.events.Topics;
import org.feedlab.streams.types.StreamTypes;

/**
 * The job's Kafka source and sinks; built only by the launcher.
 *
 * <p>Delivery (docs/RELIABILITY.md): feeds and feed audits are written at least once, visible at
 * once, and the society drops a duplicate by request id; model versions and dead letters are
 * written exactly once, in Kafka transactions committed with each checkpoint, and read with {@code
 * isolation.level=read_committed}.
 *
 * @param bootstrapServers the broker
 * @param topics the run's topic names
 * @param transactionalIdPrefix unique to the run: the prefix of the exactly-once sinks'
 *     transactional ids
 */
public record KafkaEndpoints(
        String bootstrapServers, JobTopics topics, String transactionalIdPrefix) {

    /**
     * How long a transaction may stay open: far above a checkpoint interval plus a restart (a
     * retraining can hold a checkpoint back for minutes), and within the broker's default limit of
     * 15 minutes.
     */
    public static final int TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

    /** One source over every job input topic, decoding each record or dead-lettering it. */
    public KafkaSource<Inbound> source(String groupId) {
        Properties props = new Properties();
        props.setProperty("partition.discovery.interval.ms", "-1");
        return KafkaSource.<Inbound>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topics.inputs())
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setProperties(props)
                .setDeserializer(new InboundDeserializer(topics))
                .build();
    }

    public KafkaSink<Feed> feedSink() {
        return atLeastOnce(Topics.FEEDS, new FeedKey());
    }

    public KafkaSink<FeedAudit> auditSink() {
        return atLeastOnce(Topics.FEED_AUDIT, new AuditKey());
    }

    public KafkaSink<ModelVersion> modelVersionSink() {
        return exactlyOnce(Topics.MODEL_VERSIONS, new VersionKey());
    }

    public KafkaSink<DeadLetter> deadLetterSink() {
        return exactlyOnce(Topics.DEAD_LETTERS, new DeadLetterKey());
    }

    /**
     * At-least-once: records are visible at once, so feed latency does not wait for a checkpoint;
     * the society deduplicates feeds by request id.
     */
    private <T> KafkaSink<T> atLeastOnce(Topic<T> topic, SerializationSchema<T> key) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(schema(topic, key))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("linger.ms", "0")
                .build();
    }

    /**
     * Exactly-once: each checkpoint commits a Kafka transaction, so a restored job's replayed
     * records never show twice to a read-committed reader. Latency does not matter for these.
     */
    private <T> KafkaSink<T> exactlyOnce(Topic<T> topic, SerializationSchema<T> key) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(schema(topic, key))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix + "-" + topic.name())
                // Pooled transactional ids, found again through the broker's list of open
                // transactions on restore: a job resumed at another parallelism neither fences
                // its own committer nor leaves a transaction open.
                .setTransactionNamingStrategy(TransactionNamingStrategy.POOLING)
                .setProperty("transaction.timeout.ms", Integer.toString(TRANSACTION_TIMEOUT_MS))
                .build();
    }

    private <T> KafkaRecordSerializationSchema<T> schema(
            Topic<T> topic, SerializationSchema<T> key) {
        return new TopicRecords<>(topics.name(topic), key);
    }

    /**
     * One Kafka record per element: its key, its JSON value, and no timestamp, so the producer
     * stamps the wall clock. The element's Flink timestamp is its phase (a tick number, near 1970
     * as an epoch time): written as the record's timestamp, the broker's seven-day retention would
     * delete it at its next check.
     */
    static final class TopicRecords<T>
            implements KafkaRecordSerializationSchema<T>, KafkaDatasetFacetProvider {
        private final String topic;
        private final SerializationSchema<T> key;

        TopicRecords(String topic, SerializationSchema<T> key) {
            this.topic = topic;
            this.key = key;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                T element, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(
                    topic, null, null, key.serialize(element), JsonSerde.writeWire(element));
        }

        /** The topic written, which the pooled transaction naming needs to know. */
        @Override
        public Optional<KafkaDatasetFacet> getKafkaDatasetFacet() {
            return Optional.of(
                    new DefaultKafkaDatasetFacet(
                            DefaultKafkaDatasetIdentifier.ofTopics(List.of(topic))));
        }
    }

    /** Feeds are keyed by user, so one user's feeds stay in order on one partition. */
    static final class FeedKey implements SerializationSchema<Feed> {
        @Override
        public byte[] serialize(Feed feed) {
            return Integer.toString(feed.userId()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Feed audits are keyed by user, like the feeds they explain. */
    static final class AuditKey implements SerializationSchema<FeedAudit> {
        @Override
        public byte[] serialize(FeedAudit audit) {
            return Integer.toString(audit.userId()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Model versions are keyed by their display form (v0002). */
    static final class VersionKey implements SerializationSchema<ModelVersion> {
        @Override
        public byte[] serialize(ModelVersion version) {
            return ModelVersion.label(version.version()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Dead letters are keyed by the topic they came from. */
    static final class DeadLetterKey implements SerializationSchema<DeadLetter> {
        @Override
        public byte[] serialize(DeadLetter letter) {
            return letter.topic().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Kafka record → {@link Inbound}, never throwing. */
    static final class InboundDeserializer implements KafkaRecordDeserializationSchema<Inbound> {
        private final InboundDecoder decoder;

        InboundDeserializer(JobTopics topics) {
            this.decoder = new InboundDecoder(topics);
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Inbound> out) {
            out.collect(
                    decoder.decode(
                            record.topic(), record.partition(), record.offset(), record.value()));
        }

        @Override
        public TypeInformation<Inbound> getProducedType() {
            return StreamTypes.INBOUND;
        }
    }
}
