package org.feedlab.lab.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the stream job has dead-lettered: the sum of the end offsets of the dead-letter
 * topic's partitions, asked of the broker when Prometheus scrapes (so every source of dead letters
 * counts, whichever operator wrote them). The last answer is kept when the broker is slow or gone,
 * so a scrape never blocks for long. The dead-letter sink is transactional, so each committed
 * transaction's marker takes an offset too: the live figure can run above the manifest's count,
 * which reads the committed records themselves.
 */
final class DeadLetterCount implements AutoCloseable {
    private final Admin admin;
    private final List<TopicPartition> partitions;
    private volatile long last;

    /** Counts the records on {@code topic} (the run's dead-letter topic) at {@code bootstrap}. */
    DeadLetterCount(String bootstrap, String topic, int partitions) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        this.admin = Admin.create(p);
        this.partitions =
                java.util.stream.IntStream.range(0, partitions)
                        .mapToObj(i -> new TopicPartition(topic, i))
                        .toList();
    }

    /** Records dead-lettered so far. */
    synchronized long total() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try {
            ListOffsetsResult r = admin.listOffsets(latest);
            long sum = 0;
            for (var info :
                    r.all().get(Duration.ofSeconds(3).toMillis(), TimeUnit.MILLISECONDS).values()) {
                sum += info.offset();
            }
            last = sum;
        } catch (Exception slowOrGone) {
            // Keep the last answer: the run reports what it knows, the scrape stays quick.
            if (slowOrGone instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return last;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
