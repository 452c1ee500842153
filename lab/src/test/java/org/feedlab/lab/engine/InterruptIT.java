package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a run: the launcher, started as its own process, gets SIGINT while the broker and
 * the job are running; it must exit leaving no process, no temporary files and no half-written run
 * directory behind.
 */
class InterruptIT {
    @TempDir Path work;

    @Test
    void sigintStopsBrokerAndJobAndLeavesNothingBehind() throws Exception {
        Path scenario = work.resolve("interrupt.yaml");
        Files.writeString(
                scenario,
                """
                name: interrupt
                seed: 3
                ticks: 200
                society:
                  users: 300
                  creators: 30
                """);
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path out = work.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process launcher =
                new ProcessBuilder(
                                java,
                                "--add-modules",
                                "jdk.incubator.vector",
                                "-Xmx1g",
                                "-Djava.io.tmpdir=" + tmp,
                                "-cp",
                                System.getProperty("java.class.path"),
                                "org.feedlab.lab.Main",
                                "run",
                                scenario.toString(),
                                "--out",
                                out.toString(),
                                "--metrics-port",
                                "0",
                                "--quiet")
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("launcher.log").toFile())
                        .start();
        try {
            // Wait until the broker child is up and the job has ranked a few ticks.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (launcher.descendants().findAny().isEmpty() || !brokerReady(tmp)) {
                assertTrue(launcher.isAlive(), "launcher died early: " + log());
                assertTrue(System.nanoTime() < deadline, "broker never started: " + log());
                Thread.sleep(200);
            }
            Thread.sleep(8000);
            List<ProcessHandle> children = launcher.descendants().toList();
            assertFalse(children.isEmpty());

            new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();

            // A process started as a background job of a shell without job control inherits
            // SIGINT as ignored, and the JVM then installs no handler: say so if it does not stop.
            assertTrue(
                    launcher.waitFor(60, TimeUnit.SECONDS),
                    "launcher did not stop within 60 s of SIGINT (was the test run from a background"
                            + " job, which ignores SIGINT?): "
                            + log());
            assertEquals(130, launcher.exitValue(), "exit status after SIGINT");
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "left running: " + child.info());
            }
            try (Stream<Path> left = Files.list(tmp)) {
                List<String> names = left.map(p -> p.getFileName().toString()).toList();
                assertTrue(
                        names.stream().noneMatch(n -> n.startsWith("feedlab-run-")),
                        "temporary files left: " + names);
            }
            assertFalse(Files.exists(out), "an interrupted run must not leave a run directory");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static boolean brokerReady(Path tmp) throws IOException {
        try (Stream<Path> runs = Files.list(tmp)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("feedlab-run-"))
                    .anyMatch(p -> Files.exists(p.resolve("flink")));
        }
    }

    private String log() throws IOException {
        Path log = work.resolve("launcher.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
