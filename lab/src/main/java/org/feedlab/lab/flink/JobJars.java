package org.feedlab.lab.flink;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars that carry the ranking job's classes to a cluster whose TaskManagers do not have them:
 * FeedLab's platform modules (events, ranker, streams), Tribuo with OLCUT and protobuf, Jackson,
 * and the Kafka connector with the Kafka client and its compression codecs. A plain Flink 2.2
 * distribution has none of these in its lib/ (Flink's own runtime and logging it has). Attached to
 * the job graph, they travel through the JobManager's blob server to each TaskManager, which loads
 * them in the job's user class loader (child first).
 */
public final class JobJars {
    /** File-name prefixes of the jars the job needs beyond a plain Flink distribution. */
    private static final List<String> JOB_JARS =
            List.of(
                    "feedlab-events-",
                    "feedlab-ranker-",
                    "feedlab-streams-",
                    "tribuo-",
                    "olcut-",
                    "protobuf-java-",
                    "jackson-annotations-",
                    "jackson-core-",
                    "jackson-databind-",
                    "jackson-datatype-",
                    "flink-connector-kafka-",
                    "kafka-clients-",
                    "zstd-jni-",
                    "lz4-java-",
                    "snappy-java-",
                    "opencsv-");

    private JobJars() {}

    /** Whether a jar (by file name) is one the job ships to a cluster without its classes. */
    public static boolean isJobJar(String fileName) {
        return fileName.endsWith(".jar") && JOB_JARS.stream().anyMatch(fileName::startsWith);
    }

    /** The job jars among this JVM's classpath, to attach to a job graph. */
    public static List<URL> forRemoteCluster() throws MalformedURLException {
        List<URL> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (isJobJar(jar.getFileName().toString())) {
                jars.add(jar.toUri().toURL());
            }
        }
        return jars;
    }

    /**
     * This JVM's classpath without the job jars nor any other FeedLab jar: what a plain Flink
     * process has, for a local cluster that stands for a remote one.
     */
    public static String flinkOnlyClassPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry.isEmpty() ? "." : entry).toAbsolutePath().normalize();
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            if (!isJobJar(name) && !name.startsWith("feedlab-") && name.endsWith(".jar")) {
                kept.add(path.toString());
            }
        }
        return String.join(File.pathSeparator, kept);
    }
}
