package org.feedlab.lab.kafka;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Layout of a broker's work directory and the configuration files written into it. */
record BrokerFiles(Path workDir) {

    /** Bytes of broker.log quoted in start-up errors: enough for the last stack trace. */
    private static final int LOG_TAIL_BYTES = 6_000;

    Path dataDir() {
        return workDir.resolve("data");
    }

    Path tmpDir() {
        return workDir.resolve("tmp");
    }

    Path serverProperties() {
        return workDir.resolve("server.properties");
    }

    Path log4jConfig() {
        return workDir.resolve("log4j2.xml");
    }

    Path brokerLog() {
        return workDir.resolve("broker.log");
    }

    /** Creates the directories and writes server.properties and the child's logging config. */
    void write(int brokerPort, int controllerPort, int defaultPartitions) throws IOException {
        Files.createDirectories(dataDir());
        Files.createDirectories(tmpDir());
        String properties = serverProperties(brokerPort, controllerPort, defaultPartitions);
        Files.writeString(serverProperties(), properties);
        Files.writeString(log4jConfig(), LOG4J_CONFIG);
    }

    /**
     * A single KRaft node that is both broker and controller. Every internal topic has one replica
     * because there is one node; internal topics get one partition each so the first consumer group
     * and the first transaction do not wait for fifty partitions to be created.
     */
    String serverProperties(int brokerPort, int controllerPort, int defaultPartitions) {
        String broker = "PLAINTEXT://127.0.0.1:" + brokerPort;
        String controller = "CONTROLLER://127.0.0.1:" + controllerPort;
        // Backslashes are escapes in .properties files; forward slashes work on every platform.
        String logDirs = dataDir().toAbsolutePath().toString().replace('\\', '/');
        return String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "listeners=" + broker + "," + controller,
                        "advertised.listeners=" + broker + "," + controller,
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "inter.broker.listener.name=PLAINTEXT",
                        "controller.listener.names=CONTROLLER",
                        "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                        "log.dirs=" + logDirs,
                        "num.partitions=" + defaultPartitions,
                        "auto.create.topics.enable=false",
                        "default.replication.factor=1",
                        "min.insync.replicas=1",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "transaction.state.log.num.partitions=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0")
                + "\n";
    }

    /** Returns the end of broker.log, or a note that there is none, for error messages. */
    String brokerLogTail() {
        Path log = brokerLog();
        if (!Files.exists(log)) {
            return "(no broker.log was written)";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(broker.log could not be read: " + e + ")";
        }
    }

    /** Deletes the work directory and everything in it; a missing directory is already deleted. */
    void deleteWorkDir() {
        if (!Files.exists(workDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            // Deepest first, so every directory is empty when its turn comes.
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + workDir, e);
        }
    }

    /** Log4j 2 config for the child: WARN keeps broker.log small; the start-up line stays. */
    private static final String LOG4J_CONFIG =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration status="WARN">
              <Appenders>
                <Console name="stdout" target="SYSTEM_OUT">
                  <PatternLayout pattern="%d{ISO8601} %-5p [%c{1}] %m%n"/>
                </Console>
              </Appenders>
              <Loggers>
                <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                <Root level="WARN">
                  <AppenderRef ref="stdout"/>
                </Root>
              </Loggers>
            </Configuration>
            """;
}
