package org.feedlab.lab.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.feedlab.lab.metrics.PrometheusEndpoint;
import org.feedlab.streams.LatencyHistogram;
import org.feedlab.streams.ScoringMetrics;
import org.junit.jupiter.api.Test;

class MicrometerReporterTest {
    private static final UnregisteredMetricsGroup GROUP = new UnregisteredMetricsGroup();

    @Test
    void namesAreSnakeCaseInBaseUnits() {
        assertName("flink_taskmanager_job_task_num_records_in", 1, "numRecordsIn");
        assertName("flink_taskmanager_job_task_busy_time_ratio", 1e-3, "busyTimeMsPerSecond");
        assertName(
                "flink_taskmanager_job_task_back_pressured_time_ratio",
                1e-3,
                "backPressuredTimeMsPerSecond");
        assertName(
                "flink_taskmanager_job_task_accumulate_busy_time_seconds",
                1e-3,
                "accumulateBusyTimeMs");
        assertName(
                "flink_taskmanager_job_task_checkpoint_start_delay_seconds",
                1e-9,
                "checkpointStartDelayNanos");
        assertName(
                "flink_taskmanager_job_task_kafka_source_reader_kafka_consumer_records_lag_max",
                1,
                "KafkaSourceReader.KafkaConsumer.records-lag-max");
        assertName(
                "flink_taskmanager_job_task_status_jvm_threads_number",
                1,
                "Status.JVM.Threads.Count");
        MicrometerReporter.Name checkpoint =
                MicrometerReporter.prometheusName("jobmanager.job", "lastCheckpointDuration");
        assertEquals("flink_jobmanager_job_last_checkpoint_duration_seconds", checkpoint.name());
        assertEquals(1e-3, checkpoint.scale());
    }

    private static void assertName(String expected, double scale, String metric) {
        MicrometerReporter.Name n =
                MicrometerReporter.prometheusName("taskmanager.job.task", metric);
        assertEquals(expected, n.name(), metric);
        assertEquals(scale, n.scale(), metric);
    }

    @Test
    void flinkMetricsJoinTheRunsEndpointUntilRemoved() throws Exception {
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(0, Map.of("seed", "9"))) {
            MicrometerReporter reporter = new MicrometerReporter(endpoint, false);
            SimpleCounter records = new SimpleCounter();
            records.inc(5);
            Gauge<Long> busy = () -> 250L;
            Gauge<String> text = () -> "not a number";
            MeterView rate = new MeterView(new SimpleCounter());
            LatencyHistogram latency = new LatencyHistogram();
            latency.update(300_000); // 0.3 ms
            SimpleCounter candidates = new SimpleCounter();
            candidates.inc(42);
            reporter.notifyOfAddedMetric(records, "numRecordsIn", GROUP);
            reporter.notifyOfAddedMetric(busy, "busyTimeMsPerSecond", GROUP);
            reporter.notifyOfAddedMetric(text, "description", GROUP);
            reporter.notifyOfAddedMetric(rate, "numRecordsInPerSecond", GROUP);
            reporter.notifyOfAddedMetric(latency, ScoringMetrics.LATENCY, GROUP);
            reporter.notifyOfAddedMetric(candidates, ScoringMetrics.CANDIDATES, GROUP);

            String text1 = endpoint.scrape();
            assertTrue(text1.contains("flink_num_records_in_total{seed=\"9\"} 5.0\n"), text1);
            assertTrue(text1.contains("flink_busy_time_ratio{seed=\"9\"} 0.25\n"), text1);
            assertTrue(text1.contains("flink_num_records_in_per_second{seed=\"9\"} 0.0\n"), text1);
            assertFalse(text1.contains("flink_description"), "a text gauge is left out");
            assertTrue(
                    text1.contains(
                            "feedlab_scoring_latency_seconds_bucket{seed=\"9\",le=\"5.0E-4\"} 1\n"),
                    text1);
            assertTrue(
                    text1.contains(
                            "feedlab_scoring_latency_seconds_bucket{seed=\"9\",le=\"2.5E-4\"} 0\n"),
                    text1);
            assertTrue(text1.contains("feedlab_candidates_scored_total{seed=\"9\"} 42.0\n"), text1);

            reporter.notifyOfRemovedMetric(records, "numRecordsIn", GROUP);
            reporter.notifyOfRemovedMetric(latency, ScoringMetrics.LATENCY, GROUP);
            reporter.notifyOfRemovedMetric(candidates, ScoringMetrics.CANDIDATES, GROUP);
            String text2 = endpoint.scrape();
            assertFalse(text2.contains("flink_num_records_in_total"), text2);
            assertTrue(text2.contains("feedlab_candidates_scored_total{seed=\"9\"} 0.0\n"), text2);
            reporter.close();
            assertFalse(endpoint.scrape().contains("flink_busy_time_ratio"));
        }
    }

    @Test
    void anAttachedRunEndpointIsExclusiveAndDetachedOnClose() throws Exception {
        try (PrometheusEndpoint a = PrometheusEndpoint.start(0, Map.of());
                PrometheusEndpoint b = PrometheusEndpoint.start(0, Map.of())) {
            try (FlinkMetrics.Attachment attached = FlinkMetrics.attach(a)) {
                assertEquals(a, FlinkMetrics.attached());
                assertThrows(IllegalStateException.class, () -> FlinkMetrics.attach(b));
                MetricReporter reporter =
                        new MicrometerReporterFactory().createMetricReporter(new Properties());
                SimpleCounter c = new SimpleCounter();
                reporter.notifyOfAddedMetric(c, "numRecordsOut", GROUP);
                assertTrue(a.scrape().contains("flink_num_records_out_total"));
                reporter.close();
            }
            assertEquals(null, FlinkMetrics.attached());
            FlinkMetrics.attach(b).close();
        }
    }

    @Test
    void aProcessOfItsOwnServesFlinkMetricsOnLoopback() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Properties props = new Properties();
        props.setProperty(FlinkMetrics.PORT, Integer.toString(port));
        MetricReporter reporter = new MicrometerReporterFactory().createMetricReporter(props);
        try {
            SimpleCounter c = new SimpleCounter();
            c.inc(3);
            reporter.notifyOfAddedMetric(c, "numRecordsIn", GROUP);
            HttpResponse<String> r =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/metrics"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertTrue(r.body().contains("flink_num_records_in_total 3.0\n"), r.body());
            // 127.0.0.1, as IPv4 or as the IPv4-mapped IPv6 address (::ffff:127.0.0.1).
            String address = listeningAddress(port);
            assertTrue(
                    address.equals("0100007F")
                            || address.equals("0000000000000000FFFF00000100007F"),
                    "bound to 127.0.0.1 only, not " + address);
        } finally {
            reporter.close();
        }
    }

    /** The local address (hex, as the kernel prints it) of the socket listening on a port. */
    private static String listeningAddress(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : new String[] {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                // local_address is ADDR:PORT; state 0A is LISTEN.
                if (f.length > 3 && f[1].endsWith(":" + hexPort) && f[3].equals("0A")) {
                    return f[1].substring(0, f[1].indexOf(':'));
                }
            }
        }
        return "not listening";
    }
}
