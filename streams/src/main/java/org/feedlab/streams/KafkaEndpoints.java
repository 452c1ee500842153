package org.feedlab.streams;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Topic;
import org.feedlab.events.Topics;

/** The job's Kafka source and sinks; built only by the launcher. */
public final class KafkaEndpoints {
    private KafkaEndpoints() {}

    /** One source over every job input topic, decoding each record or dead-lettering it. */
    public static KafkaSource<Inbound> source(String bootstrapServers, String groupId) {
        List<String> topics = Topics.JOB_INPUTS.stream().map(Topic::name).toList();
        Properties props = new Properties();
        props.setProperty("partition.discovery.interval.ms", "-1");
        return KafkaSource.<Inbound>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topics)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setProperties(props)
                .setDeserializer(new InboundDeserializer())
                .build();
    }

    public static KafkaSink<Feed> feedSink(String bootstrapServers) {
        return sink(bootstrapServers, Topics.FEEDS, new FeedKey());
    }

    public static KafkaSink<ModelVersion> modelVersionSink(String bootstrapServers) {
        return sink(bootstrapServers, Topics.MODEL_VERSIONS, new VersionKey());
    }

    public static KafkaSink<FeedAudit> auditSink(String bootstrapServers) {
        return sink(bootstrapServers, Topics.FEED_AUDIT, new AuditKey());
    }

    public static KafkaSink<DeadLetter> deadLetterSink(String bootstrapServers) {
        return sink(bootstrapServers, Topics.DEAD_LETTERS, new DeadLetterKey());
    }

    /**
     * At-least-once: records are visible at once, so feed latency does not wait for a checkpoint;
     * the society deduplicates feeds by request id.
     */
    private static <T> KafkaSink<T> sink(
            String bootstrapServers, Topic<T> topic, SerializationSchema<T> key) {
        KafkaRecordSerializationSchema<T> schema =
                KafkaRecordSerializationSchema.<T>builder()
                        .setTopic(topic.name())
                        .setKeySerializationSchema(key)
                        .setValueSerializationSchema(new JsonValue<T>())
                        .build();
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("linger.ms", "0")
                .build();
    }

    /** Values as the platform's JSON. */
    static final class JsonValue<T> implements SerializationSchema<T> {
        @Override
        public byte[] serialize(T element) {
            return JsonSerde.write(element);
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
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Inbound> out) {
            out.collect(
                    InboundDecoder.decode(
                            record.topic(), record.partition(), record.offset(), record.value()));
        }

        @Override
        public TypeInformation<Inbound> getProducedType() {
            return TypeInformation.of(Inbound.class);
        }
    }
}
