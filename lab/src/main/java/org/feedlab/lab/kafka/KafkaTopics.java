package org.feedlab.lab.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates a run's topics on any broker and waits until every partition has a leader. */
public final class KafkaTopics {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private KafkaTopics() {}

    /**
     * Creates the topics with {@code partitions} partitions and the broker's default replication.
     *
     * @throws IllegalStateException if a topic exists already, or creation fails or times out
     */
    public static void create(String bootstrap, Collection<String> names, int partitions)
            throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                30_000))) {
            List<NewTopic> topics =
                    names.stream()
                            .map(n -> new NewTopic(n, Optional.of(partitions), Optional.empty()))
                            .toList();
            admin.createTopics(topics).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                boolean ready;
                try {
                    Map<String, TopicDescription> d =
                            admin.describeTopics(names)
                                    .allTopicNames()
                                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    ready =
                            d.values().stream()
                                    .flatMap(t -> t.partitions().stream())
                                    .map(TopicPartitionInfo::leader)
                                    .allMatch(l -> l != null && !l.isEmpty());
                } catch (ExecutionException e) {
                    // A topic just created may not be in the broker's metadata yet.
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    ready = false;
                }
                if (ready) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions of " + names + " have no leader");
                }
                Thread.sleep(200);
            }
        }
    }
}
