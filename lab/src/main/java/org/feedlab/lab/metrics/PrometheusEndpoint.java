package org.feedlab.lab.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves a run's metrics in the Prometheus text format, so a live run can be charted while it goes.
 * Every meter carries the run's common tags (scenario, arm, seed) to keep runs apart.
 */
public final class PrometheusEndpoint implements AutoCloseable {

    /** Prefix of every meter, so the lab's series are easy to find among the JVM's own. */
    public static final String PREFIX = "feedlab_";

    private static final String MINUTES = "minutes";
    private static final String SECONDS = "seconds";

    /** Path Prometheus scrapes. */
    public static final String PATH = "/metrics";

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final ConcurrentMap<GaugeKey, GaugeValue> gauges = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, String> commonTags;
    private final RunMeters meters;

    private PrometheusEndpoint(
            PrometheusMeterRegistry registry, HttpServer server, Map<String, String> commonTags) {
        this.registry = registry;
        this.server = server;
        this.commonTags = Map.copyOf(commonTags);
        this.meters = new RunMeters(this);
    }

    /**
     * Starts serving {@value #PATH} on 127.0.0.1. Loopback only: the endpoint has no
     * authentication, and Prometheus runs on the same machine.
     *
     * @param port TCP port, or 0 for any free port (read it back with {@link #port()})
     * @param commonTags labels put on every series, such as scenario, arm and seed
     * @throws IOException if the port cannot be bound
     */
    public static PrometheusEndpoint start(int port, Map<String, String> commonTags)
            throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, commonTags);
    }

    /**
     * Starts serving {@value #PATH} on the given address. Anything but loopback is an opt-in (a
     * Prometheus in a container that cannot reach the host's loopback): the endpoint has no
     * authentication.
     *
     * @param address the address to bind, loopback unless the user asked otherwise
     * @param port TCP port, or 0 for any free port (read it back with {@link #port()})
     * @param commonTags labels put on every series, such as scenario, arm and seed
     * @throws IOException if the port cannot be bound
     */
    public static PrometheusEndpoint start(
            InetAddress address, int port, Map<String, String> commonTags) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<Tag> tags = new ArrayList<>();
        commonTags.forEach((key, value) -> tags.add(Tag.of(key, value)));
        registry.config().commonTags(tags);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            registry.close();
            throw e;
        }
        PrometheusEndpoint endpoint = new PrometheusEndpoint(registry, server, commonTags);
        server.createContext(PATH, endpoint::handle);
        server.start();
        return endpoint;
    }

    /** The registry behind the endpoint, for meters other than the per-tick gauges. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The histograms and counters of the run, beside the per-tick gauges. */
    public RunMeters meters() {
        return meters;
    }

    /** The labels every series of this endpoint carries (scenario, arm, seed). */
    public Map<String, String> commonTags() {
        return commonTags;
    }

    /** The address the endpoint listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The port the endpoint listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Sets gauge {@code feedlab_<metric>{segment="<segment>"}} to {@code value}, registering it on
     * first use. The gauge reads the holder at scrape time, so a scrape sees the latest value.
     */
    public void set(String metric, String segment, double value) {
        String name = metric;
        double exposed = value;
        if (metric.contains(MINUTES)) {
            // Prometheus names carry base units: a metric of metrics.csv in minutes is served in
            // seconds under the same name with the unit word replaced (docs/METRICS.md).
            name = metric.replace(MINUTES, SECONDS);
            exposed = value * 60.0;
        }
        gauges.computeIfAbsent(new GaugeKey(name, segment), this::register).set(exposed);
    }

    /** Adds {@code amount} to counter {@code feedlab_<name>}, exposed as {@code ..._total}. */
    public void increment(String counterName, double amount) {
        counters.computeIfAbsent(
                        counterName,
                        name ->
                                Counter.builder(PREFIX + name)
                                        .description("FeedLab counter " + name)
                                        .register(registry))
                .increment(amount);
    }

    /** The current metrics in the Prometheus text format, as the endpoint serves them. */
    public String scrape() {
        return registry.scrape();
    }

    /** Stops the HTTP server at once and closes the registry. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            registry.close();
        }
    }

    private GaugeValue register(GaugeKey key) {
        GaugeValue holder = new GaugeValue();
        // A strong reference: Micrometer holds gauge state weakly by default, and a collected
        // holder would make the series read NaN.
        Gauge.builder(PREFIX + key.metric(), holder, GaugeValue::get)
                .description("FeedLab metric " + key.metric() + ", per tick (docs/METRICS.md)")
                .tag("segment", key.segment())
                .strongReference(true)
                .register(registry);
        return holder;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // createContext matches by prefix; anything but the exact path is not ours.
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Identity of one gauge series. */
    private record GaugeKey(String metric, String segment) {}
}
