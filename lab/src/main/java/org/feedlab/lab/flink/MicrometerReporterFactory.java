package org.feedlab.lab.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.util.NetUtils;
import org.feedlab.lab.metrics.PrometheusEndpoint;

/**
 * Builds {@link MicrometerReporter}s for Flink: into the run's endpoint when a run in this JVM
 * attached one ({@link FlinkMetrics#attach}), otherwise with an endpoint of its own on the
 * configured bind host (127.0.0.1 by default) and the first free port of the configured range.
 */
public final class MicrometerReporterFactory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        PrometheusEndpoint run = FlinkMetrics.attached();
        if (run != null) {
            return new MicrometerReporter(run, false);
        }
        String host = properties.getProperty(FlinkMetrics.BIND_HOST, "127.0.0.1");
        String ports = properties.getProperty(FlinkMetrics.PORT, FlinkMetrics.DEFAULT_PORTS);
        IOException last = null;
        var it = NetUtils.getPortRangeFromString(ports);
        while (it.hasNext()) {
            int port = it.next();
            try {
                return new MicrometerReporter(
                        PrometheusEndpoint.start(InetAddress.getByName(host), port, Map.of()),
                        true);
            } catch (IOException busy) {
                last = busy;
            }
        }
        throw new UncheckedIOException(
                "no free port for Flink metrics in " + ports + " on " + host, last);
    }
}
