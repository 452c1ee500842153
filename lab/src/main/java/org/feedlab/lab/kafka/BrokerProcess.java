package org.feedlab.lab.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.feedlab.lab.jvm.JavaCommand;

/**
 * A Kafka broker (one KRaft node, broker and controller) as a process of its own that outlives the
 * command that started it: the broker of {@code feedlab cluster}. Same files and settings as the
 * embedded broker, but it runs {@code kafka.Kafka} directly and is stopped by a signal.
 */
public final class BrokerProcess {
    /** Main class of the broker process. */
    public static final String MAIN = "kafka.Kafka";

    private BrokerProcess() {}

    /**
     * Writes server.properties and the logging config into {@code dir}, formats the storage and
     * starts the broker, logging to {@code dir/broker.log}. Does not wait for it to be ready.
     */
    public static Process start(
            Path dir, int clientPort, int controllerPort, int defaultPartitions, String maxHeap)
            throws IOException {
        BrokerFiles files = new BrokerFiles(dir.toAbsolutePath());
        files.write(clientPort, controllerPort, defaultPartitions);
        EmbeddedKafka.format(files, maxHeap);
        List<String> command =
                JavaCommand.of(
                        EmbeddedKafka.brokerJvmOptions(files, maxHeap),
                        MAIN,
                        List.of(files.serverProperties().toString()));
        return JavaCommand.startDetached(command, files.workDir(), files.brokerLog());
    }

    /** The broker log in a directory {@link #start} used. */
    public static Path log(Path dir) {
        return new BrokerFiles(dir.toAbsolutePath()).brokerLog();
    }
}
