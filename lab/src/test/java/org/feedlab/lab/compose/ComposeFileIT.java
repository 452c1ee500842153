package org.feedlab.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compose file as docker-compose itself reads it (the Debian package validates without a Docker
 * engine): it is valid, every published port is bound to 127.0.0.1, and Grafana refuses to start
 * without an administrator password chosen by the user.
 */
class ComposeFileIT {
    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void validAndBoundToLoopback() throws Exception {
        Result r = compose("config-password", "config");
        assertEquals(0, r.exit(), r.output());
        JsonNode config = new YAMLMapper().readTree(r.output());
        int published = 0;
        for (JsonNode service : config.path("services")) {
            for (JsonNode port : service.path("ports")) {
                String hostIp =
                        port.isTextual()
                                ? port.asText().split(":")[0]
                                : port.path("host_ip").asText();
                assertEquals("127.0.0.1", hostIp, "port " + port + " is not bound to loopback");
                published++;
            }
        }
        assertTrue(published >= 2, "expected Prometheus and Grafana ports");
    }

    @Test
    void refusesToStartGrafanaWithoutAPassword() throws Exception {
        Result r = compose(null, "config", "-q");
        assertNotEquals(0, r.exit(), "compose accepted a missing Grafana password");
        assertTrue(r.output().contains("GRAFANA_ADMIN_PASSWORD"), r.output());
    }

    private record Result(int exit, String output) {}

    private static Result compose(String password, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(binary(), "-f", COMPOSE.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("GRAFANA_ADMIN_PASSWORD");
        if (password != null) {
            pb.environment().put("GRAFANA_ADMIN_PASSWORD", password);
        }
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
