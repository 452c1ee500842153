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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.feedlab.lab.engine.LabLauncher;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped dashboards against what a run emits: a real Prometheus (the Debian package; .ci/run
 * installs it) scrapes a live stream run (embedded Kafka and Flink), and while the run is still up
 * every metric a dashboard names must be in the run's scrape, every panel query must return data,
 * and {@code promtool check metrics} must accept the scrape.
 */
class DashboardsIT {
    private static final Path DASHBOARDS = Path.of("..", "dashboards", "grafana", "dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC =
            Pattern.compile("\\b((?:feedlab|flink)_[a-z0-9_]+)\\s*\\{");
    private static final Pattern NAME_REGEX =
            Pattern.compile("__name__=~\"((?:feedlab|flink)_[a-z0-9_]+)\\.\\+\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir Path work;

    @Test
    void everyPanelQueryAnswersOnALiveStreamRunAndTheScrapeLints() throws Exception {
        List<Query> queries = dashboardQueries();
        assertTrue(queries.size() >= 20, "expected the panels of four dashboards");
        int metricsPort = freePort();
        int promPort = freePort();
        Process prometheus = startPrometheus(metricsPort, promPort);
        try {
            Scenario s =
                    ScenarioLoader.parse(
                            """
                            name: dash-it
                            seed: 5
                            ticks: 10
                            society: {users: 200, creators: 30}
                            ranker: {objective: engagement}
                            """,
                            "dash-it.yaml");
            List<String> failures = new ArrayList<>();
            SimulationRun.Listener check =
                    new SimulationRun.Listener() {
                        @Override
                        public void ticked(SimulationRun.Tick tick) {}

                        @Override
                        public void finished() throws IOException {
                            // The platform, the broker and the job are still up here.
                            try {
                                checkLive(metricsPort, promPort, queries, failures);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                failures.add("interrupted");
                            }
                        }
                    };
            RunRequest request =
                    new RunRequest(
                            s,
                            work.resolve("run"),
                            false,
                            List.of(),
                            Watching.metricsOnly(metricsPort),
                            true,
                            "dash-it.yaml");
            new LabLauncher(work.resolve("runs"), System.out).execute(request, List.of(check));
            assertEquals(List.of(), failures);
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    private void checkLive(
            int metricsPort, int promPort, List<Query> queries, List<String> failures)
            throws IOException, InterruptedException {
        String scrape = get("http://127.0.0.1:" + metricsPort + "/metrics");
        Path file = work.resolve("scrape.txt");
        Files.writeString(file, scrape);
        Process promtool =
                new ProcessBuilder(binary("promtool"), "check", "metrics")
                        .redirectInput(file.toFile())
                        .redirectErrorStream(true)
                        .start();
        String lint = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (promtool.waitFor() != 0) {
            failures.add("promtool check metrics: " + lint);
        }
        Set<String> emitted = families(scrape);
        String base = "http://127.0.0.1:" + promPort;
        // Metric names come from the run: every name a dashboard uses must be one it emits.
        for (Query q : queries) {
            for (String metric : q.metrics()) {
                boolean found =
                        metric.endsWith("_")
                                ? emitted.stream().anyMatch(e -> e.startsWith(metric))
                                : emitted.contains(metric);
                if (!found) {
                    failures.add(q.where() + ": the run does not emit " + metric);
                }
            }
        }
        // Rates need a few scrapes: wait until the tick gauge has been scraped several times.
        awaitResult(base, "count_over_time(feedlab_tick{scenario=\"dash-it\"}[5m]) >= 4");
        for (Query q : queries) {
            JsonNode result = awaitResult(base, q.concrete());
            if (result.size() == 0) {
                failures.add(q.where() + ": no data for " + q.expr());
            }
        }
    }

    /** Metric family names in a scrape, histogram and counter suffixes included. */
    private static Set<String> families(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int end = line.indexOf('{');
                names.add(line.substring(0, end < 0 ? line.indexOf(' ') : end));
            }
        }
        return names;
    }

    @Test
    void dashboardsHaveStableUidsVariablesAndAnExplicitDatasource() throws IOException {
        List<Path> files = dashboardFiles();
        assertEquals(
                List.of(
                        "feedlab-engagement.json",
                        "feedlab-pipeline.json",
                        "feedlab-polarization.json",
                        "feedlab-ranker.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : files) {
            JsonNode d = JSON.readTree(file.toFile());
            assertEquals(
                    file.getFileName().toString().replace(".json", ""),
                    d.path("uid").asText(),
                    file + ": uid");
            assertTrue(d.path("id").isMissingNode() || d.path("id").isNull(), file + " has an id");
            List<String> vars = new ArrayList<>();
            for (JsonNode v : d.path("templating").path("list")) {
                vars.add(v.path("name").asText());
                assertEquals("feedlab-prometheus", v.path("datasource").path("uid").asText());
                assertTrue(v.path("multi").asBoolean(), file + ": " + v + " must allow several");
            }
            assertTrue(vars.containsAll(List.of("scenario", "arm", "seed")), file + ": " + vars);
            for (JsonNode panel : d.path("panels")) {
                String where = file.getFileName() + ": " + panel.path("title").asText();
                assertEquals("feedlab-prometheus", panel.path("datasource").path("uid").asText());
                assertFalse(panel.path("targets").isEmpty(), where);
                for (JsonNode t : panel.path("targets")) {
                    assertEquals(
                            "feedlab-prometheus", t.path("datasource").path("uid").asText(), where);
                    String expr = t.path("expr").asText();
                    assertTrue(
                            expr.contains("arm=~\"$arm\"") && expr.contains("seed=~\"$seed\""),
                            where + " ignores the arm and seed variables: " + expr);
                }
            }
        }
    }

    /** A panel query, with where it is and the metric names it reads. */
    private record Query(String where, String expr) {
        /** The query as Prometheus runs it: every variable at "All", intervals at a minute. */
        String concrete() {
            return expr.replaceAll("\\$(scenario|arm|seed|segment)", ".*")
                    .replace("$__rate_interval", "1m")
                    .replace("$__interval", "1m");
        }

        /** Names read; a {@code __name__} pattern yields its prefix (ending in "_"). */
        List<String> metrics() {
            List<String> out = new ArrayList<>();
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                out.add(m.group(1));
            }
            Matcher n = NAME_REGEX.matcher(expr);
            while (n.find()) {
                out.add(n.group(1));
            }
            return out;
        }
    }

    private JsonNode awaitResult(String base, String expr)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode result = JSON.createArrayNode();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode body =
                        JSON.readTree(
                                get(
                                        base
                                                + "/api/v1/query?query="
                                                + URLEncoder.encode(expr, StandardCharsets.UTF_8)));
                assertEquals("success", body.path("status").asText(), expr + ": " + body);
                result = body.path("data").path("result");
                if (result.size() > 0) {
                    return result;
                }
            } catch (IOException notYetUp) {
                // Prometheus is still starting.
            }
            Thread.sleep(500);
        }
        return result;
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private Process startPrometheus(int metricsPort, int promPort) throws IOException {
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
                        .formatted(metricsPort));
        return new ProcessBuilder(
                        binary("prometheus"),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + work.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + promPort)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<Query> dashboardQueries() throws IOException {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            for (JsonNode panel : JSON.readTree(file.toFile()).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(
                            new Query(
                                    file.getFileName() + ": " + panel.path("title").asText(),
                                    target.path("expr").asText()));
                }
            }
        }
        return queries;
    }

    static String binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError(
                "the " + name + " binary is needed: apt-get install -y prometheus (.ci/run does)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
