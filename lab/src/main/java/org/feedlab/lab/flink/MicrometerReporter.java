package org.feedlab.lab.flink;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.LogicalScopeProvider;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.feedlab.lab.metrics.PrometheusEndpoint;
import org.feedlab.streams.ScoringMetrics;

/**
 * Flink's metrics as Micrometer meters on a FeedLab Prometheus endpoint. A metric is named as
 * Flink's own Prometheus reporter names it, in snake case as Prometheus asks: {@code flink_} +
 * logical scope + name ({@code numRecordsIn} of a task becomes {@code
 * flink_taskmanager_job_task_num_records_in_total}); its labels are the scope's variables (job,
 * task, operator, subtask, TaskManager), less the ids that change with every attempt. Counters
 * become Prometheus counters, gauges and meters (rates) gauges; Flink's histograms are left out,
 * except the scorers' latency histogram, which joins {@value ScoringMetrics#LATENCY} (and their
 * candidate counter {@value ScoringMetrics#CANDIDATES}) summed over subtasks.
 */
public final class MicrometerReporter implements MetricReporter {
    /** Variables that identify one attempt or one deployment: noise as labels. */
    private static final Set<String> DROPPED =
            Set.of("job_id", "task_id", "task_attempt_id", "task_attempt_num", "operator_id");

    private final PrometheusEndpoint endpoint;
    private final boolean ownsEndpoint;
    private final Map<Metric, Meter> meters = new IdentityHashMap<>();

    MicrometerReporter(PrometheusEndpoint endpoint, boolean ownsEndpoint) {
        this.endpoint = endpoint;
        this.ownsEndpoint = ownsEndpoint;
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public synchronized void close() {
        meters.values().forEach(endpoint.registry()::remove);
        meters.clear();
        if (ownsEndpoint) {
            endpoint.close();
        }
    }

    @Override
    public synchronized void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        // By name and Flink's API, not by class: in a Flink plugin the job's classes are not ours.
        if (name.equals(ScoringMetrics.LATENCY)
                && metric instanceof org.apache.flink.metrics.Histogram h) {
            endpoint.meters().addLatency(h);
            return;
        }
        if (name.equals(ScoringMetrics.CANDIDATES) && metric instanceof Counter c) {
            endpoint.meters().addCandidates(c);
            return;
        }
        Name prom = prometheusName(scope(group), name);
        String prometheusName = prom.name();
        double scale = prom.scale();
        List<Tag> tags = tags(group.getAllVariables());
        String help = "Flink metric " + name + " (" + scope(group) + ")";
        MeterRegistry registry = endpoint.registry();
        Meter meter;
        try {
            if (metric instanceof Counter c) {
                meter =
                        FunctionCounter.builder(prometheusName, c, x -> x.getCount() * scale)
                                .description(help)
                                .tags(tags)
                                .register(registry);
            } else if (metric instanceof org.apache.flink.metrics.Meter m) {
                meter =
                        Gauge.builder(prometheusName, m, x -> x.getRate() * scale)
                                .description(help)
                                .tags(tags)
                                .strongReference(true)
                                .register(registry);
            } else if (metric instanceof org.apache.flink.metrics.Gauge<?> g
                    && isNumeric(g.getValue())) {
                meter =
                        Gauge.builder(prometheusName, g, x -> value(x) * scale)
                                .description(help)
                                .tags(tags)
                                .strongReference(true)
                                .register(registry);
            } else {
                return;
            }
        } catch (IllegalArgumentException clash) {
            // A name registered before with other labels; Prometheus cannot hold both.
            return;
        }
        meters.put(metric, meter);
    }

    @Override
    public synchronized void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        if (name.equals(ScoringMetrics.LATENCY)
                && metric instanceof org.apache.flink.metrics.Histogram h) {
            endpoint.meters().removeLatency(h);
        }
        if (name.equals(ScoringMetrics.CANDIDATES) && metric instanceof Counter c) {
            endpoint.meters().removeCandidates(c);
        }
        Meter meter = meters.remove(metric);
        if (meter != null) {
            endpoint.registry().remove(meter);
        }
    }

    /** The group's logical scope, such as {@code taskmanager.job.task.operator}. */
    private static String scope(MetricGroup group) {
        try {
            return LogicalScopeProvider.castFrom(group).getLogicalScope(s -> s, '.');
        } catch (IllegalStateException notFlinksOwn) {
            return String.join(".", group.getScopeComponents());
        }
    }

    /** A Prometheus name and the factor that brings Flink's value to its unit. */
    record Name(String name, double scale) {}

    /**
     * {@code flink_} + scope + name in snake case (camel case split at each capital, every other
     * character outside {@code [a-z0-9_]} an underscore), in base units as Prometheus asks: time
     * per second ({@code busyTimeMsPerSecond}) becomes a {@code _ratio} of 0..1, milliseconds and
     * nanoseconds become {@code _seconds} (Flink's {@code ...Duration} gauges are milliseconds),
     * and a gauge's {@code _count} suffix (kept for histograms) becomes {@code _number}.
     */
    static Name prometheusName(String scope, String name) {
        String n = "flink_" + snake(scope + "_" + name);
        double scale = 1;
        if (n.endsWith("_ms_per_second")) {
            n = n.substring(0, n.length() - "_ms_per_second".length()) + "_ratio";
            scale = 1e-3;
        } else if (n.matches(".*_ms(_.*)?")) {
            n = n.replaceFirst("_ms(_|$)", "_seconds$1");
            scale = 1e-3;
        } else if (n.matches(".*_(ns|nanos)(_.*)?")) {
            n = n.replaceFirst("_(ns|nanos)(_|$)", "_seconds$2");
            scale = 1e-9;
        } else if (n.endsWith("_duration")) {
            n = n + "_seconds";
            scale = 1e-3;
        }
        if (n.endsWith("_count")) {
            n = n.substring(0, n.length() - "_count".length()) + "_number";
        }
        return new Name(n, scale);
    }

    static String snake(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean upper = Character.isUpperCase(c);
            if (upper
                    && i > 0
                    && (Character.isLowerCase(s.charAt(i - 1))
                            || Character.isDigit(s.charAt(i - 1))
                            || (i + 1 < s.length()
                                    && Character.isUpperCase(s.charAt(i - 1))
                                    && Character.isLowerCase(s.charAt(i + 1))))) {
                out.append('_');
            }
            char lower = Character.toLowerCase(c);
            out.append(
                    (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') ? lower : '_');
        }
        return out.toString()
                .replaceAll("_+", "_")
                .replaceAll("^_|_$", "")
                .toLowerCase(Locale.ROOT);
    }

    /** Scope variables as labels: {@code <job_name>} becomes {@code job_name}. */
    private static List<Tag> tags(Map<String, String> variables) {
        List<Tag> tags = new ArrayList<>();
        variables.forEach(
                (key, value) -> {
                    String label = snake(key.replace("<", "").replace(">", ""));
                    if (!DROPPED.contains(label)) {
                        tags.add(Tag.of(label, value));
                    }
                });
        return tags;
    }

    private static boolean isNumeric(Object value) {
        return value == null || value instanceof Number || value instanceof Boolean;
    }

    private static double value(org.apache.flink.metrics.Gauge<?> g) {
        Object v = g.getValue();
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Double.NaN;
    }
}
