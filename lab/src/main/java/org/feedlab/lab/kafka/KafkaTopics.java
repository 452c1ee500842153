package org.feedlab.lab.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates a run's topics on any broker and waits until every partition has a leader. */
public final class KafkaTopics {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 200;

    private KafkaTopics() {}

    /**
     * Creates the topics with {@code partitions} partitions and the broker's default replication.
     *
     * @throws IllegalStateException if a topic exists already, or creation fails
     * @throws TimeoutException if a partition has no leader after 60 seconds
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
            awaitLeaders(admin, names, TIMEOUT);
        }
    }

    /**
     * Waits until every partition of the topics has a leader. Right after creation the broker's
     * metadata may not know the topics yet (KRaft commits them on the controller first): it asks
     * again every 200 ms until the deadline.
     *
     * @throws TimeoutException if a partition has no leader after {@code timeout}
     */
    static void awaitLeaders(Admin admin, Collection<String> names, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ready;
            try {
                Map<String, TopicDescription> d =
                        admin.describeTopics(names)
                                .allTopicNames()
                                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                ready =
                        d.values().stream()
                                .flatMap(t -> t.partitions().stream())
                                .map(TopicPartitionInfo::leader)
                                .allMatch(l -> l != null && !l.isEmpty());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false;
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + names + " have no leader yet");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
