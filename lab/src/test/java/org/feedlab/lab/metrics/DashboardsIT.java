package org.feedlab.lab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics endpoint as a real Prometheus sees it: Prometheus (the Debian package; .ci/run
 * installs it) scrapes a live endpoint, and every query of every shipped Grafana dashboard runs
 * against it and returns data.
 */
class DashboardsIT {
    private static final Path DASHBOARDS = Path.of("..", "dashboards", "grafana", "dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir Path work;

    @Test
    void prometheusScrapesTheEndpointAndEveryDashboardQueryAnswers() throws Exception {
        List<String> exprs = dashboardQueries();
        assertFalse(exprs.isEmpty());
        Map<String, String> tags = Map.of("scenario", "dash-it", "arm", "engagement", "seed", "5");
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(0, tags)) {
            for (String metric : metricsUsed(exprs)) {
                endpoint.set(metric, "all", 0.25);
            }
            endpoint.set("active_users", "all", 1234);
            int promPort = freePort();
            Path config = work.resolve("prometheus.yml");
            Files.writeString(
                    config,
                    """
                    global:
                      scrape_interval: 1s
                    scrape_configs:
                      - job_name: feedlab
                        static_configs:
                          - targets: ["127.0.0.1:%d"]
                    """
                            .formatted(endpoint.port()));
            Process prometheus =
                    new ProcessBuilder(
                                    prometheusBinary(),
                                    "--config.file=" + config,
                                    "--storage.tsdb.path=" + work.resolve("tsdb"),
                                    "--web.listen-address=127.0.0.1:" + promPort)
                            .redirectErrorStream(true)
                            .redirectOutput(work.resolve("prometheus.log").toFile())
                            .start();
            try {
                String base = "http://127.0.0.1:" + promPort;
                JsonNode users = awaitResult(base, "feedlab_active_users{scenario=\"dash-it\"}");
                assertEquals("1234", users.get(0).path("value").get(1).asText());
                JsonNode labels = users.get(0).path("metric");
                assertEquals("engagement", labels.path("arm").asText());
                assertEquals("5", labels.path("seed").asText());
                assertEquals("all", labels.path("segment").asText());
                for (String expr : exprs) {
                    String concrete = expr.replaceAll("\\$(scenario|arm|seed|segment)", ".*");
                    JsonNode result = awaitResult(base, concrete);
                    assertTrue(result.size() > 0, "no data for dashboard query " + expr);
                }
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    @Test
    void dashboardsHaveStableUidsAndAnExplicitDatasource() throws IOException {
        for (Path file : dashboardFiles()) {
            JsonNode d = JSON.readTree(file.toFile());
            assertFalse(d.path("uid").asText().isEmpty(), file + " has no uid");
            assertTrue(d.path("id").isMissingNode() || d.path("id").isNull(), file + " has an id");
            for (JsonNode panel : d.path("panels")) {
                assertEquals(
                        "feedlab-prometheus",
                        panel.path("datasource").path("uid").asText(),
                        file + ": panel " + panel.path("title").asText());
            }
        }
    }

    private JsonNode awaitResult(String base, String expr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String error = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        base
                                                                + "/api/v1/query?query="
                                                                + URLEncoder.encode(
                                                                        expr,
                                                                        StandardCharsets.UTF_8)))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                JsonNode body = JSON.readTree(r.body());
                assertEquals("success", body.path("status").asText(), expr + ": " + r.body());
                JsonNode result = body.path("data").path("result");
                if (result.size() > 0) {
                    return result;
                }
            } catch (IOException notYetUp) {
                error = notYetUp.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no result for " + expr + " within 60 s " + error + log());
    }

    private String log() throws IOException {
        Path log = work.resolve("prometheus.log");
        return Files.exists(log) ? "\n" + Files.readString(log) : "";
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<String> dashboardQueries() throws IOException {
        List<String> exprs = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            for (JsonNode panel : JSON.readTree(file.toFile()).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    exprs.add(target.path("expr").asText());
                }
            }
        }
        return exprs;
    }

    private static List<String> metricsUsed(List<String> exprs) {
        List<String> metrics = new ArrayList<>();
        Matcher m;
        for (String e : exprs) {
            m = Pattern.compile("feedlab_([a-z0-9_]+)\\{").matcher(e);
            while (m.find()) {
                metrics.add(m.group(1));
            }
        }
        return metrics;
    }

    private static String prometheusBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "prometheus");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError(
                "the prometheus binary is needed: apt-get install -y prometheus (.ci/run does)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
