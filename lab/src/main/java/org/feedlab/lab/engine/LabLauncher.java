package org.feedlab.lab.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.lab.metrics.PrometheusEndpoint;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.run.RunDirectory;
import org.feedlab.lab.run.RunLauncher;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.ranker.ModelResolution;
import org.feedlab.ranker.policy.MainParameters;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.streams.JobSettings;

/**
 * Carries out `feedlab run`: starts the platform (embedded Kafka + Flink, or direct), serves live
 * metrics to Prometheus, shows a progress bar, and writes the run directory. Everything it starts
 * is stopped on the way out, also on Ctrl-C.
 */
public final class LabLauncher implements RunLauncher {
    /** The run directory's copy of the audit topic (written when the scenario audits feeds). */
    public static final String AUDIT_FILE = "feed-audit.jsonl";

    private final Path runsRoot;
    private final PrintStream console;

    public LabLauncher(Path runsRoot, PrintStream console) {
        this.runsRoot = runsRoot;
        this.console = console;
    }

    @Override
    public int launch(RunRequest request) throws Exception {
        Result result = execute(request);
        if (!request.quiet()) {
            console.printf(
                    Locale.ROOT,
                    "run %s: %d ticks on the %s engine in %.1f s -> %s%n",
                    request.scenario().name(),
                    request.scenario().ticks(),
                    result.engine(),
                    result.wallSeconds(),
                    result.directory());
        }
        return 0;
    }

    /** What a finished run produced. */
    public record Result(Path directory, String engine, double wallSeconds, List<MetricRow> rows) {}

    /** Runs the request and returns where its files are. */
    public Result execute(RunRequest request) throws Exception {
        Scenario s = request.scenario();
        long started = System.nanoTime();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("scenario", s.name());
        tags.put("arm", s.ranker().objective().name());
        tags.put("seed", Long.toString(s.seed()));
        AtomicBoolean closed = new AtomicBoolean();
        // The port is bound before the run directory exists, so a busy port leaves nothing behind.
        try (PrometheusEndpoint metrics = PrometheusEndpoint.start(request.metricsPort(), tags)) {
            RunDirectory dir = RunDirectory.create(request.out(), runsRoot, s.name(), s.seed());
            Path work = Files.createTempDirectory("feedlab-run-");
            try {
                return runIn(request, dir, work, metrics, closed, started);
            } finally {
                deleteRecursively(work);
            }
        }
    }

    private Result runIn(
            RunRequest request,
            RunDirectory dir,
            Path work,
            PrometheusEndpoint metrics,
            AtomicBoolean closed,
            long started)
            throws Exception {
        Scenario s = request.scenario();
        // Registered before anything starts: on Ctrl-C, stop the broker and the job, remove
        // temporary files, and remove the run directory if the run did not finish, so an
        // interrupted run leaves nothing half-written.
        AtomicReference<Platform> startedPlatform = new AtomicReference<>();
        Thread hook =
                new Thread(
                        () -> {
                            Platform p = startedPlatform.get();
                            if (p != null) {
                                closeOnce(p, closed);
                            }
                            deleteRecursively(work);
                            if (!Files.exists(dir.path().resolve(RunDirectory.MANIFEST))) {
                                deleteRecursively(dir.path());
                            }
                        },
                        "feedlab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Platform platform;
        try {
            platform = startPlatform(request, work);
        } catch (Exception e) {
            removeHook(hook);
            throw e;
        }
        startedPlatform.set(platform);
        UserSnapshots snapshots = new UserSnapshots(dir, request.snapshotTicks());
        try (ProgressBar bar = progressBar(s, request.quiet())) {
            List<MetricRow> rows =
                    SimulationRun.run(
                            s.society(),
                            s.seed(),
                            s.ticks(),
                            platform,
                            (tick, measurements, society) -> {
                                for (Measurement m : measurements) {
                                    metrics.set(m.metric(), m.segment(), m.value());
                                }
                                metrics.set("tick", "all", tick);
                                snapshots.maybeWrite(tick + 1, society);
                                bar.step();
                                bar.setExtraMessage(extra(measurements));
                            },
                            society -> snapshots.maybeWrite(0, society));
            List<ModelVersion> versions = platform.modelVersions();
            Map<String, Object> facts = platform.pipelineFacts();
            dir.writeMetrics(rows);
            List<FeedAudit> audits = platform.audits();
            if (!audits.isEmpty()) {
                // The audit topic's records, one JSON object per line, in tick then request order.
                ByteArrayOutputStream lines = new ByteArrayOutputStream();
                for (FeedAudit a : audits) {
                    lines.writeBytes(JsonSerde.write(a));
                    lines.write('\n');
                }
                dir.write(AUDIT_FILE, lines.toByteArray());
                facts.put("audited_feeds", audits.size());
            }
            Map<String, Object> manifest = manifest(request, platform.engine(), versions, facts);
            manifest.put("snapshot_ticks", request.snapshotTicks());
            manifest.put("snapshots", snapshots.written());
            dir.writeManifest(manifest);
            if (MainParameters.requested(request.scenario().ranker())) {
                // DSA Art. 27: the main parameters in plain language, generated from the scenario.
                dir.write(
                        MainParameters.FILE,
                        MainParameters.statement(
                                        request.scenario().name(), request.scenario().ranker())
                                .getBytes(StandardCharsets.UTF_8));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(dir.path(), platform.engine(), seconds, rows);
        } finally {
            closeOnce(platform, closed);
            removeHook(hook);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook runs or has run.
        }
    }

    private static Platform startPlatform(RunRequest request, Path work) throws Exception {
        Scenario s = request.scenario();
        if (request.direct()) {
            return new DirectPlatform(
                    s.ranker(),
                    s.society().population().topics(),
                    s.seed(),
                    Audit.sample(s.seed(), s.stream().auditShare()));
        }
        JobSettings settings =
                new JobSettings(
                        s.ranker(),
                        s.society().population().topics(),
                        s.seed(),
                        s.stream().auditShare());
        return StreamPlatform.start(
                work, settings, s.stream().partitions(), s.stream().parallelism());
    }

    private static void closeOnce(Platform platform, AtomicBoolean closed) {
        if (closed.compareAndSet(false, true)) {
            try {
                platform.close();
            } catch (Exception e) {
                System.err.println("feedlab: error while stopping the platform: " + e);
            }
        }
    }

    private static Map<String, Object> manifest(
            RunRequest request,
            String engine,
            List<ModelVersion> versions,
            Map<String, Object> facts) {
        Scenario s = request.scenario();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feedlab_version", "0.1.0");
        m.put("scenario_file", request.scenarioFile());
        m.put("scenario", s.resolvedTree());
        m.put("ranker_resolution", rankerResolution(ModelResolution.of(s.ranker())));
        m.put("seed", s.seed());
        m.put("engine", engine);
        m.put("parallelism", request.direct() ? 1 : s.stream().parallelism());
        m.put("partitions", request.direct() ? 0 : s.stream().partitions());
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelVersion v : versions) {
            Map<String, Object> mv = new LinkedHashMap<>();
            mv.put("version", ModelVersion.label(v.version()));
            mv.put("first_tick", v.tick());
            mv.put("training_examples", v.trainingExamples());
            mv.put("window_start_tick", v.windowStartTick());
            mv.put("provenance", v.provenance());
            mv.put("evaluation", v.evaluation());
            models.add(mv);
        }
        m.put("model_versions", models);
        m.put("pipeline", facts);
        m.put("metrics_csv", RunDirectory.METRICS);
        return m;
    }

    /** The model the trainer built and what decided its shape (policies or the scenario). */
    private static Map<String, Object> rankerResolution(ModelResolution r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model().kind().key());
        m.put("hidden_sizes", r.model().hiddenSizes());
        m.put("hidden_sizes_from", r.hiddenSizesFrom());
        m.put("withheld_feature_groups", r.model().withheldFeatureGroups());
        m.put("withheld_from", r.withheldFrom());
        return m;
    }

    private static ProgressBar progressBar(Scenario s, boolean quiet) {
        ProgressBarBuilder b =
                new ProgressBarBuilder()
                        .setTaskName(s.name())
                        .setInitialMax(s.ticks())
                        .setUnit(" ticks", 1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250)
                        .continuousUpdate()
                        .setMaxRenderedLength(120);
        if (quiet) {
            b.setConsumer(
                    new ConsoleProgressBarConsumer(
                            new PrintStream(PrintStream.nullOutputStream())));
        } else {
            b.setConsumer(new ConsoleProgressBarConsumer(System.err));
        }
        return b.build();
    }

    private static String extra(List<Measurement> ms) {
        double active = Double.NaN;
        double outrage = Double.NaN;
        for (Measurement m : ms) {
            if (!m.segment().equals("all")) {
                continue;
            }
            if (m.metric().equals("active_users")) {
                active = m.value();
            } else if (m.metric().equals("outrage_exposure_share")) {
                outrage = m.value();
            }
        }
        return String.format(Locale.ROOT, "users %.0f  outrage %.2f", active, outrage);
    }

    /**
     * Deletes a tree, retrying briefly: on Ctrl-C the broker child may still be writing its last
     * files while it stops.
     */
    private static void deleteRecursively(Path root) {
        for (int attempt = 0; attempt < 10 && Files.exists(root); attempt++) {
            try (var walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // A file vanished or appeared during the walk: try again.
            }
            if (Files.exists(root)) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (Files.exists(root)) {
            System.err.println("feedlab: could not delete " + root);
        }
    }
}
