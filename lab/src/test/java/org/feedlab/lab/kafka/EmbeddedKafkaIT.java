package org.feedlab.lab.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    private static final String TOPIC = "posts";
    private static final int RECORDS = 100;

    @TempDir Path tempDir;

    private EmbeddedKafka kafka;

    @AfterEach
    void stopBroker() {
        // Runs on failure too, so a failed assertion never leaves a broker behind.
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void recordsRoundTripAndCloseRemovesEverything() throws Exception {
        Path workDir = tempDir.resolve("kafka");
        kafka = EmbeddedKafka.start(workDir, 2);
        long pid = kafka.pid();
        assertTrue(isAlive(pid));
        assertTrue(Files.exists(workDir.resolve("broker.log")));

        kafka.createTopics(List.of(TOPIC), 3);
        produce();
        Set<String> values = consume();

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < RECORDS; i++) {
            expected.add("value-" + i);
        }
        assertEquals(expected, values);

        kafka.close();
        assertFalse(isAlive(pid), "broker process " + pid + " still alive after close");
        assertFalse(Files.exists(workDir), "work dir still exists after close");
        kafka.close();
    }

    @Test
    void topicsAreNotCreatedImplicitlyAndDuplicatesFail() throws Exception {
        kafka = EmbeddedKafka.start(tempDir.resolve("kafka"), 4);
        kafka.createTopics(List.of("a", "b"), 1);
        IllegalStateException duplicate =
                assertThrows(
                        IllegalStateException.class, () -> kafka.createTopics(List.of("a"), 1));
        assertTrue(
                String.valueOf(duplicate.getCause()).contains("TopicExists"),
                String.valueOf(duplicate.getCause()));
    }

    @Test
    void brokerExitsWhenItsParentPipeCloses() throws Exception {
        kafka = EmbeddedKafka.start(tempDir.resolve("kafka"), 1);
        long pid = kafka.pid();
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow();

        kafka.closeParentPipe();

        broker.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(broker.isAlive());
    }

    private void produce() throws Exception {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "key-" + i, "value-" + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    private Set<String> consume() {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "embedded-kafka-it",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> values = new HashSet<>();
        Set<Integer> partitions = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (values.size() < RECORDS && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : batch) {
                    values.add(record.value());
                    partitions.add(record.partition());
                }
            }
        }
        // Keys spread 100 records over all three partitions, so the topic really has three.
        assertEquals(Set.of(0, 1, 2), partitions);
        return values;
    }

    private static boolean isAlive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.map(ProcessHandle::isAlive).orElse(false);
    }
}
