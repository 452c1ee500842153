package org.feedlab.lab.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.feedlab.lab.scenario.Scenario;

/**
 * Everything a launcher needs to run a scenario, after the command line has validated it and
 * applied its overrides.
 *
 * @param scenario the resolved scenario, command-line overrides applied
 * @param out the run directory the user asked for, or {@code null} for a fresh one under runs/
 * @param direct run the engine in-process without Kafka or Flink
 * @param snapshotTicks ticks after which user snapshots are written, ascending and distinct
 * @param watching the Prometheus endpoint's address and port, and the live page
 * @param quiet suppress progress output
 * @param scenarioFile the scenario file as the user named it, for the manifest
 * @param cluster the cluster to run the job on ({@code --cluster}), or null for the embedded one
 * @param threads threads for the society's per-user work and the direct engine's serving ({@code
 *     --threads}); an execution detail: no output file changes with it, and none records it
 */
public record RunRequest(
        Scenario scenario,
        Path out,
        boolean direct,
        List<Long> snapshotTicks,
        Watching watching,
        boolean quiet,
        String scenarioFile,
        ClusterAddress cluster,
        int threads) {

    /** A request on one thread. */
    public RunRequest(
            Scenario scenario,
            Path out,
            boolean direct,
            List<Long> snapshotTicks,
            Watching watching,
            boolean quiet,
            String scenarioFile,
            ClusterAddress cluster) {
        this(scenario, out, direct, snapshotTicks, watching, quiet, scenarioFile, cluster, 1);
    }

    /** A request for the direct or the embedded engine, on one thread. */
    public RunRequest(
            Scenario scenario,
            Path out,
            boolean direct,
            List<Long> snapshotTicks,
            Watching watching,
            boolean quiet,
            String scenarioFile) {
        this(scenario, out, direct, snapshotTicks, watching, quiet, scenarioFile, null);
    }

    /** Sorts and de-duplicates the snapshot ticks so two equal requests are equal records. */
    public RunRequest {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(watching, "watching");
        if (direct && cluster != null) {
            throw new IllegalArgumentException("a direct run uses no cluster");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        snapshotTicks =
                snapshotTicks == null ? List.of() : List.copyOf(new TreeSet<>(snapshotTicks));
    }
}
