package org.feedlab.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compose file as docker-compose itself reads it (the Debian package validates without a Docker
 * engine): it is valid and brings Kafka, a Flink JobManager, two TaskManagers, Prometheus and
 * Grafana; every published port is bound to 127.0.0.1 and the services on the host's network listen
 * on 127.0.0.1; every service has a health check and waits for the health of what it depends on;
 * Grafana refuses to start without an administrator password chosen by the user, and anonymous
 * viewing is off unless asked for.
 */
class ComposeFileIT {
    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void theFullStackIsValidHealthCheckedAndBoundToLoopback() throws Exception {
        Result r = compose(Map.of("GRAFANA_ADMIN_PASSWORD", "config-password"), "config");
        assertEquals(0, r.exit(), r.output());
        JsonNode services = new YAMLMapper().readTree(r.output()).path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(
                new TreeSet<>(
                        List.of(
                                "kafka",
                                "jobmanager",
                                "taskmanager-1",
                                "taskmanager-2",
                                "prometheus",
                                "grafana")),
                new TreeSet<>(names));
        int published = 0;
        for (String name : names) {
            JsonNode service = services.path(name);
            for (JsonNode port : service.path("ports")) {
                String hostIp =
                        port.isTextual()
                                ? port.asText().split(":")[0]
                                : port.path("host_ip").asText();
                assertEquals("127.0.0.1", hostIp, name + ": port " + port + " not on loopback");
                published++;
            }
            assertFalse(service.path("healthcheck").path("test").isMissingNode(), name);
            for (JsonNode dep : service.path("depends_on")) {
                assertEquals("service_healthy", dep.path("condition").asText(), name);
            }
        }
        assertTrue(published >= 5, "expected Kafka, the JobManager and the TaskManagers ports");
        assertEquals("host", services.path("prometheus").path("network_mode").asText());
        assertTrue(
                services.path("prometheus")
                        .path("command")
                        .toString()
                        .contains("--web.listen-address=127.0.0.1:9090"));
        JsonNode grafana = services.path("grafana").path("environment");
        assertEquals("127.0.0.1", grafana.path("GF_SERVER_HTTP_ADDR").asText());
        assertEquals("config-password", grafana.path("GF_SECURITY_ADMIN_PASSWORD").asText());
        assertEquals("false", grafana.path("GF_AUTH_ANONYMOUS_ENABLED").asText());
        assertEquals("Viewer", grafana.path("GF_AUTH_ANONYMOUS_ORG_ROLE").asText());
        for (String tm : List.of("jobmanager", "taskmanager-1", "taskmanager-2")) {
            String flink = services.path(tm).path("environment").path("FLINK_PROPERTIES").asText();
            assertTrue(flink.contains("org.feedlab.lab.flink.MicrometerReporterFactory"), tm);
        }
    }

    @Test
    void anonymousViewingIsAnOptIn() throws Exception {
        Result r =
                compose(
                        Map.of("GRAFANA_ADMIN_PASSWORD", "p", "GRAFANA_ANONYMOUS", "true"),
                        "config");
        assertEquals(0, r.exit(), r.output());
        JsonNode grafana =
                new YAMLMapper()
                        .readTree(r.output())
                        .path("services")
                        .path("grafana")
                        .path("environment");
        assertEquals("true", grafana.path("GF_AUTH_ANONYMOUS_ENABLED").asText());
    }

    @Test
    void refusesToStartGrafanaWithoutAPassword() throws Exception {
        Result r = compose(Map.of(), "config", "-q");
        assertNotEquals(0, r.exit(), "compose accepted a missing Grafana password");
        assertTrue(r.output().contains("GRAFANA_ADMIN_PASSWORD"), r.output());
    }

    private record Result(int exit, String output) {}

    private static Result compose(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(binary(), "-f", COMPOSE.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("GRAFANA_ADMIN_PASSWORD");
        pb.environment().remove("GRAFANA_ANONYMOUS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "docker-compose");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError(
                "docker-compose is needed: apt-get install -y docker-compose (.ci/run does)");
    }
}
