package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.feedlab.lab.cluster.ListeningSockets;
import org.feedlab.lab.metrics.PrometheusEndpoint;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.streams.JobSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every socket a stream run opens listens on loopback: the Flink MiniCluster's RPC, blob server,
 * data exchange and REST endpoint and the Prometheus endpoint in this JVM, and the broker's client
 * and controller listeners in its child process. Checked on the processes' listening sockets while
 * the job runs.
 */
class LoopbackSocketsIT {
    @TempDir Path work;

    @Test
    void everyListeningSocketOfARunIsOnLoopback() throws Exception {
        Scenario s =
                ScenarioLoader.parse(
                        "name: sockets\nseed: 2\nticks: 2\nsociety: {users: 80, creators: 30}\n",
                        "sockets.yaml");
        JobSettings settings =
                new JobSettings(s.ranker(), s.society().population().topics(), s.seed());
        List<String> seen = new ArrayList<>();
        try (PrometheusEndpoint metrics = PrometheusEndpoint.start(0, Map.of("scenario", "s"));
                StreamPlatform platform = StreamPlatform.start(work, settings, 2, 2)) {
            SimulationRun.run(
                    s.society(),
                    s.seed(),
                    s.ticks(),
                    platform,
                    List.<SimulationRun.Listener>of(
                            tick -> {
                                if (tick.tick() == 1) {
                                    seen.addAll(listening());
                                }
                            }));
        }
        assertFalse(seen.isEmpty());
        List<String> exposed = seen.stream().filter(line -> !line.endsWith("loopback")).toList();
        assertEquals(List.of(), exposed, "sockets not on loopback, of " + seen);
    }

    /** "pid address:port loopback|EXPOSED" for this JVM and each process it started. */
    private static List<String> listening() {
        List<String> out = new ArrayList<>();
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(processes::add);
        for (ProcessHandle p : processes) {
            try {
                List<ListeningSockets.Socket> sockets = ListeningSockets.of(p.pid());
                // The JVM runs Flink and Prometheus, the child the broker: both listen.
                if (sockets.isEmpty()) {
                    out.add(p.pid() + " nothing EXPOSED");
                }
                for (ListeningSockets.Socket socket : sockets) {
                    out.add(
                            p.pid()
                                    + " "
                                    + socket
                                    + (socket.loopback() ? " loopback" : " EXPOSED"));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }
}
