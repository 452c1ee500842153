package org.feedlab.lab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedlab.lab.engine.LabLauncher;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page as a browser shows it: headless Chromium (Debian's package; .ci/run installs it)
 * opens the page of a running run halfway through, lets its script run, and prints the DOM ({@code
 * --dump-dom}). Every chart must have drawn data points, the page's error log (errors, failed
 * resources, console.error, rejected promises) must be empty, and Chromium's own console log must
 * hold no error from the page.
 */
class LivePageIT {
    private static final Pattern POINTS =
            Pattern.compile("id=\"([a-z]+)\" class=\"chart\" data-points=\"(\\d+)\"");

    @TempDir Path work;

    @Test
    void everyChartDrawsDataAndThePageLogsNoError() throws Exception {
        Scenario s =
                ScenarioLoader.parse(
                        """
                        name: live-it
                        description: A small society for the live page.
                        seed: 3
                        ticks: 8
                        society: {users: 300, creators: 40}
                        ranker: {objective: engagement}
                        """,
                        "live-it.yaml");
        List<String> dom = new ArrayList<>();
        try (LivePage page = LivePage.start(0, s.name(), s.description(), s.ticks())) {
            SimulationRun.Listener browser =
                    tick -> {
                        if (tick.tick() == 5) {
                            // Halfway: the page is live and the run goes on after it.
                            dom.add(chromium(page.url()));
                        }
                    };
            new LabLauncher(work.resolve("runs"), System.out)
                    .execute(
                            new RunRequest(
                                    s,
                                    work.resolve("run"),
                                    true,
                                    List.of(),
                                    Watching.metricsOnly(0),
                                    true,
                                    "live-it.yaml"),
                            List.of(page, browser));
        }
        String html = dom.get(0);
        assertTrue(html.contains("data-ticks=\"6\""), "the page did not read 6 ticks: " + html);
        assertTrue(html.contains("data-errors=\"0\""), "the page logged errors: " + html);
        Matcher m = POINTS.matcher(html);
        List<String> charts = new ArrayList<>();
        while (m.find()) {
            charts.add(m.group(1));
            assertTrue(Integer.parseInt(m.group(2)) > 0, "chart " + m.group(1) + " is empty");
        }
        assertEquals(
                List.of("opinion", "outrage", "thermometer", "items", "anger", "model"), charts);
        String log = Files.readString(work.resolve("chromium.log"));
        for (String line : log.split("\n")) {
            assertTrue(
                    !(line.contains("CONSOLE") && line.contains("ERROR")),
                    "console error: " + line);
        }
    }

    /** The page's DOM after its script ran, as headless Chromium prints it. */
    private String chromium(String url) throws IOException {
        Process p =
                new ProcessBuilder(
                                binary(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-dev-shm-usage",
                                "--user-data-dir=" + work.resolve("chromium-profile"),
                                "--enable-logging=stderr",
                                "--v=0",
                                "--virtual-time-budget=4000",
                                "--dump-dom",
                                url)
                        .redirectError(work.resolve("chromium.log").toFile())
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "chromium");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError("chromium is needed: apt-get install -y chromium (.ci/run does)");
    }
}
