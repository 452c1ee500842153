package org.feedlab.lab.engine;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.feedlab.events.Topics;
import org.feedlab.lab.flink.FlinkMetrics;
import org.feedlab.lab.live.LivePage;
import org.feedlab.lab.metrics.PrometheusEndpoint;
import org.feedlab.lab.oracle.SocietyOracle;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.run.RunDirectory;
import org.feedlab.lab.run.RunLauncher;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.ranker.policy.MainParameters;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.simulator.Workers;
import org.feedlab.streams.JobSettings;

/**
 * Carries out `feedlab run`: starts the platform (embedded Kafka + Flink, a cluster's, or direct)
 * and the run, with the progress bar, the Prometheus gauges, the user snapshots, the feed audit log
 * and, with {@code --live}, the classroom page following the run as listeners (Flink's own metrics
 * join the run's Prometheus endpoint), then writes the run's files through its run directory, the
 * manifest last. Everything it starts is stopped on the way out, also on Ctrl-C ({@link RunGuard}).
 */
public final class LabLauncher implements RunLauncher {
    private final Path runsRoot;
    private final PrintStream console;

    public LabLauncher(Path runsRoot, PrintStream console) {
        this.runsRoot = runsRoot;
        this.console = console;
    }

    @Override
    public int launch(RunRequest request) throws Exception {
        Watching w = request.watching();
        if (!w.live()) {
            report(request, execute(request));
            return 0;
        }
        Scenario s = request.scenario();
        try (LivePage page = LivePage.start(w.livePort(), s.name(), s.description(), s.ticks())) {
            console.println("feedlab: live page at " + page.url());
            report(request, execute(request, List.of(page)));
            console.println(
                    "feedlab: the run is over; the live page stays up at "
                            + page.url()
                            + " until you press Ctrl-C");
            console.flush();
            // Ctrl-C ends the JVM; the run's files are complete, so nothing is removed.
            Thread.currentThread().join();
        }
        return 0;
    }

    private void report(RunRequest request, Result result) {
        if (!request.quiet()) {
            console.printf(
                    Locale.ROOT,
                    "run %s: %d ticks on the %s engine, %d thread%s, in %.1f s -> %s%n",
                    request.scenario().name(),
                    request.scenario().ticks(),
                    result.engine(),
                    request.threads(),
                    request.threads() == 1 ? "" : "s",
                    result.wallSeconds(),
                    result.directory());
        }
    }

    /** What a finished run produced. */
    public record Result(Path directory, String engine, double wallSeconds, List<MetricRow> rows) {}

    /** Runs the request and returns where its files are. */
    public Result execute(RunRequest request) throws Exception {
        return execute(request, List.of());
    }

    /**
     * Runs the request with {@code watchers} following the run after the launcher's own listeners
     * (the live page; a check that reads the live endpoints while the platform is still up, since a
     * watcher's {@code finished} runs before anything stops); returns where its files are.
     */
    public Result execute(RunRequest request, List<? extends SimulationRun.Listener> watchers)
            throws Exception {
        Scenario s = request.scenario();
        Watching w = request.watching();
        long started = System.nanoTime();
        // The port is bound before the run directory exists, so a busy port leaves nothing behind.
        try (PrometheusEndpoint endpoint =
                        PrometheusEndpoint.start(w.metricsBind(), w.metricsPort(), tags(s));
                // Flink's metrics go to the run's endpoint (the MiniCluster lives in this JVM).
                FlinkMetrics.Attachment flinkMetrics =
                        request.direct() ? () -> {} : FlinkMetrics.attach(endpoint);
                RunGuard guard =
                        RunGuard.install(
                                RunDirectory.create(request.out(), runsRoot, s.name(), s.seed()));
                Workers workers = Workers.of(request.threads())) {
            RunDirectory dir = guard.directory();
            // The oracle (ranker.oracle, direct engine only) is handed the society before tick 0.
            SocietyOracle oracle = s.ranker().oracle() ? new SocietyOracle() : null;
            Platform platform =
                    guard.watch(
                            startPlatform(
                                    request,
                                    guard.work(),
                                    dir.path().getFileName(),
                                    oracle,
                                    workers));
            UserSnapshots snapshots = new UserSnapshots(dir, request.snapshotTicks());
            FeedAuditLog audits = new FeedAuditLog(dir);
            List<MetricRow> rows;
            try (ProgressListener progress = ProgressListener.console(s, request.quiet());
                    DeadLetterCount deadLetters = deadLetters(platform, s)) {
                if (platform instanceof DirectPlatform direct) {
                    endpoint.meters().addScoring(direct.scoringMetrics());
                }
                endpoint.meters().deadLetters(deadLetters == null ? () -> 0 : deadLetters::total);
                List<SimulationRun.Listener> listeners = new ArrayList<>();
                if (oracle != null) {
                    listeners.add(oracle);
                }
                listeners.add(new PrometheusGauges(endpoint));
                listeners.add(snapshots);
                listeners.add(audits);
                listeners.add(progress);
                listeners.addAll(watchers);
                rows =
                        SimulationRun.run(
                                s.society(), s.seed(), s.ticks(), platform, listeners, workers);
            }
            dir.writeMetrics(rows);
            if (MainParameters.requested(s.ranker())) {
                // DSA Art. 27: the main parameters in plain language, generated from the scenario.
                dir.write(
                        MainParameters.FILE,
                        MainParameters.statement(s.name(), s.ranker())
                                .getBytes(StandardCharsets.UTF_8));
            }
            dir.writeManifest(
                    Manifest.of(
                            request,
                            platform.engine(),
                            platform.modelVersions(),
                            platform.pipelineFacts().withAuditedFeeds(audits.count()),
                            snapshots.written()));
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(dir.path(), platform.engine(), seconds, rows);
        }
    }

    /** Counts the stream job's dead letters on the broker; null for the direct engine. */
    private static DeadLetterCount deadLetters(Platform platform, Scenario s) {
        return platform instanceof StreamPlatform stream
                ? new DeadLetterCount(
                        stream.bootstrapServers(),
                        stream.topics().name(Topics.DEAD_LETTERS),
                        s.stream().partitions())
                : null;
    }

    /** The labels on every Prometheus series of the run. */
    private static Map<String, String> tags(Scenario s) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("scenario", s.name());
        tags.put("arm", s.ranker().objective().name());
        tags.put("seed", Long.toString(s.seed()));
        return tags;
    }

    private static Platform startPlatform(
            RunRequest request, Path work, Path runName, SocietyOracle oracle, Workers workers)
            throws Exception {
        Scenario s = request.scenario();
        if (request.direct()) {
            return directPlatform(s, oracle, workers);
        }
        if (oracle != null) {
            // The commands refuse this with the field's path before anything is written.
            throw new IllegalArgumentException(
                    "ranker.oracle: the society's truth exists on the direct engine only");
        }
        if (request.cluster() != null) {
            return StreamPlatform.connect(
                    request.cluster(),
                    runName.toString(),
                    jobSettings(s),
                    s.stream().partitions(),
                    s.stream().parallelism());
        }
        return embeddedPlatform(s, work);
    }

    /**
     * The direct engine as {@code feedlab run --direct} starts it for a scenario: its audit sample
     * ({@code stream.audit_share}), the oracle when given ({@code ranker.oracle}), serving on
     * {@code workers}.
     *
     * @param oracle the society's true probabilities, or null to rank with the model
     */
    public static DirectPlatform directPlatform(Scenario s, SocietyOracle oracle, Workers workers) {
        return new DirectPlatform(
                s.ranker(),
                s.society().population().topics(),
                s.seed(),
                Audit.sample(s.seed(), s.stream().auditShare()),
                oracle,
                workers);
    }

    /**
     * The stream engine as {@code feedlab run} starts it for a scenario: a broker in a child
     * process and a MiniCluster in this JVM, their files under {@code work}, the scenario's
     * partitions and parallelism, the job submitted.
     */
    public static StreamPlatform embeddedPlatform(Scenario s, Path work) throws Exception {
        return StreamPlatform.start(
                work, jobSettings(s), s.stream().partitions(), s.stream().parallelism());
    }

    /** What the ranking job is built from for a scenario. */
    private static JobSettings jobSettings(Scenario s) {
        return new JobSettings(
                s.ranker(),
                s.society().population().topics(),
                s.seed(),
                s.stream().auditShare(),
                s.stream().scoringDelayMs());
    }
}
