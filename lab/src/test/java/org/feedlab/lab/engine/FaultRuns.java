package org.feedlab.lab.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.streams.JobSettings;

/** The small society the fault tests run, its fault-free bytes, and metrics.csv from rows. */
final class FaultRuns {
    private FaultRuns() {}

    /** Few users, enough ticks for checkpoints before and after a fault, a model every tick. */
    static final String SCENARIO =
            """
            name: faults
            seed: 23
            ticks: 8
            society:
              users: 300
              creators: 30
            ranker:
              bootstrap_ticks: 1
              retrain_every: 1
            """;

    static Scenario scenario() throws Exception {
        return ScenarioLoader.parse(SCENARIO, "faults.yaml");
    }

    static JobSettings settings(Scenario s) {
        return new JobSettings(
                s.ranker(), s.society().population().topics(), s.seed(), s.stream().auditShare());
    }

    /** metrics.csv as the run directory writes it. */
    static byte[] csv(List<MetricRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((MetricRow.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        for (MetricRow r : rows) {
            out.writeBytes((r.toCsvLine() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The fault-free bytes: the direct engine, the reference every engine matches. */
    static byte[] reference(Scenario s) throws Exception {
        try (DirectPlatform direct =
                new DirectPlatform(
                        s.ranker(),
                        s.society().population().topics(),
                        s.seed(),
                        Audit.sample(s.seed(), s.stream().auditShare()))) {
            return csv(SimulationRun.run(s.society(), s.seed(), s.ticks(), direct, List.of()));
        }
    }

    /** Waits until the job has completed at least {@code n} checkpoints (60 s at most). */
    static void awaitCheckpoints(StreamPlatform platform, long n) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (platform.job().checkpoints().completed() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + n + " checkpoints in 60 s");
            }
            Thread.sleep(200);
        }
    }
}
