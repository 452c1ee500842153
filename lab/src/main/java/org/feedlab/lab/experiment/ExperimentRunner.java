package org.feedlab.lab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.feedlab.lab.engine.LabLauncher;
import org.feedlab.lab.run.AtomicFiles;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.run.RunDirectory;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.ranker.ModelResolution;

/**
 * Runs every planned run of an experiment (in parallel on the direct engine when asked), then
 * writes results.csv (one tidy row per arm, seed, tick, metric and segment), summary.csv and
 * experiment.json. Output order is fixed by the plan, never by which run finished first.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {}

    /**
     * What an experiment produced.
     *
     * @param directory where it was written
     * @param summary the summary rows
     * @param runs every run's metric rows, keyed by arm then seed
     * @param recovery the rows of recovery.csv, empty without a {@code loss_recovery} block
     */
    public record Outcome(
            Path directory,
            List<SummaryRow> summary,
            Map<String, Map<Long, List<MetricRow>>> runs,
            List<LossRecovery.Row> recovery) {}

    public static Outcome run(
            ExperimentSpec spec,
            List<PlannedRun> plan,
            Path out,
            boolean direct,
            int jobs,
            String experimentFile,
            PrintStream console)
            throws Exception {
        RunDirectory.checkOutAvailable(out);
        Files.createDirectories(out.resolve("runs"));
        int threads = direct ? Math.max(1, jobs) : 1;
        List<List<MetricRow>> rows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<MetricRow>>> futures = new ArrayList<>();
            for (PlannedRun run : plan) {
                futures.add(
                        pool.submit(
                                () -> {
                                    RunRequest request =
                                            new RunRequest(
                                                    run.scenario(),
                                                    out.resolve("runs")
                                                            .resolve(run.directoryName()),
                                                    direct,
                                                    List.of(),
                                                    Watching.metricsOnly(0),
                                                    true,
                                                    experimentFile);
                                    List<MetricRow> r =
                                            new LabLauncher(out.resolve("runs"), console)
                                                    .execute(request)
                                                    .rows();
                                    synchronized (console) {
                                        console.printf(
                                                Locale.ROOT,
                                                "  done %s (seed %d)%n",
                                                run.arm(),
                                                run.seed());
                                    }
                                    return r;
                                }));
            }
            for (Future<List<MetricRow>> f : futures) {
                rows.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Map<Long, List<MetricRow>>> byArm = new LinkedHashMap<>();
        StringBuilder results = new StringBuilder("arm,seed,tick,metric,segment,value\n");
        for (int i = 0; i < plan.size(); i++) {
            PlannedRun run = plan.get(i);
            byArm.computeIfAbsent(run.arm(), a -> new TreeMap<>()).put(run.seed(), rows.get(i));
            for (MetricRow r : rows.get(i)) {
                results.append(run.arm())
                        .append(',')
                        .append(run.seed())
                        .append(',')
                        .append(r.toCsvLine())
                        .append('\n');
            }
        }
        List<SummaryRow> summary = Summary.summarise(spec, byArm);
        StringBuilder sum =
                new StringBuilder(
                        "metric,arm,n,mean,ci_low,ci_high,diff_vs_baseline,diff_ci_low,diff_ci_high\n");
        for (SummaryRow s : summary) {
            sum.append(
                            String.join(
                                    ",",
                                    s.metric(),
                                    s.arm(),
                                    Integer.toString(s.n()),
                                    MetricRow.formatValue(s.mean()),
                                    MetricRow.formatValue(s.ciLow()),
                                    MetricRow.formatValue(s.ciHigh()),
                                    MetricRow.formatValue(s.diff()),
                                    MetricRow.formatValue(s.diffLow()),
                                    MetricRow.formatValue(s.diffHigh())))
                    .append('\n');
        }
        AtomicFiles.write(out.resolve("results.csv"), results.toString());
        AtomicFiles.write(out.resolve("summary.csv"), sum.toString());
        List<LossRecovery.Row> recovery =
                spec.lossRecovery() == null
                        ? List.of()
                        : spec.lossRecovery().rows(byArm, spec.seeds());
        if (spec.lossRecovery() != null) {
            AtomicFiles.write(out.resolve(RECOVERY), recoveryCsv(recovery));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("experiment", spec.name());
        manifest.put("description", spec.description());
        manifest.put("experiment_file", experimentFile);
        manifest.put("base_scenario", spec.baseFile());
        manifest.put("engine", direct ? "direct" : "stream");
        manifest.put("seeds", spec.seeds());
        manifest.put("baseline", spec.baseline());
        List<Map<String, Object>> arms = new ArrayList<>();
        for (Arm a : spec.arms()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("overrides", a.overrides());
            chosenHiddenSizes(plan, a.name()).ifPresent(h -> m.put("hidden_sizes", h));
            arms.add(m);
        }
        manifest.put("arms", arms);
        manifest.put("summary_metrics", spec.metrics());
        manifest.put("summary_last_ticks", spec.lastTicks());
        if (spec.doseResponse() != null) {
            DoseResponse dose = spec.doseResponse();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("dose", dose.key());
            d.put("levels", dose.levels());
            d.put("curves", dose.curves());
            manifest.put("dose_response", d);
        }
        if (spec.lossRecovery() != null) {
            LossRecovery r = spec.lossRecovery();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("tick", r.tick());
            d.put("end_ticks", r.endTicks());
            d.put("metrics", r.metrics());
            List<Map<String, String>> pairs = new ArrayList<>();
            for (LossRecovery.Pair p : r.pairs()) {
                pairs.add(Map.of("treated", p.treated(), "control", p.control()));
            }
            d.put("pairs", pairs);
            manifest.put("loss_recovery", d);
        }
        AtomicFiles.write(
                out.resolve("experiment.json"),
                new ObjectMapper()
                                .enable(SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(manifest)
                        + "\n");
        return new Outcome(out, summary, byArm, recovery);
    }

    /** The loss-recovery file of an experiment with a {@code loss_recovery} block. */
    public static final String RECOVERY = "recovery.csv";

    /** recovery.csv: one row per metric, treated arm, quantity and (for the gaps) tick. */
    static String recoveryCsv(List<LossRecovery.Row> rows) {
        StringBuilder out = new StringBuilder("metric,arm,quantity,tick,n,mean,ci_low,ci_high\n");
        for (LossRecovery.Row r : rows) {
            out.append(
                            String.join(
                                    ",",
                                    r.metric(),
                                    r.pair(),
                                    r.quantity(),
                                    Long.toString(r.tick()),
                                    Integer.toString(r.n()),
                                    MetricRow.formatValue(r.mean()),
                                    MetricRow.formatValue(r.ciLow()),
                                    MetricRow.formatValue(r.ciHigh())))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * The hidden sizes a model-capacity policy chose for an arm (the same for every seed: the
     * choice is arithmetic on the arm's scenario), or empty when the scenario declares them.
     */
    static Optional<List<Integer>> chosenHiddenSizes(List<PlannedRun> plan, String arm) {
        for (PlannedRun run : plan) {
            if (run.arm().equals(arm)) {
                ModelResolution r = ModelResolution.of(run.scenario().ranker());
                return r.hiddenSizesFrom().equals(ModelResolution.DECLARED_HIDDEN_SIZES)
                        ? Optional.empty()
                        : Optional.of(r.model().hiddenSizes());
            }
        }
        return Optional.empty();
    }

    /** The loss-recovery summaries (not the per-tick gaps) as a plain-text table. */
    public static String recoveryTable(List<LossRecovery.Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append(
                String.format(
                        Locale.ROOT,
                        "%-28s %-18s %-10s %3s %30s%n",
                        "metric",
                        "treated arm",
                        "loss",
                        "n",
                        "mean [95% CI]"));
        for (LossRecovery.Row r : rows) {
            if (LossRecovery.QUANTITIES.contains(r.quantity())) {
                t.append(
                        String.format(
                                Locale.ROOT,
                                "%-28s %-18s %-10s %3d %9.4f [%+.4f, %+.4f]%n",
                                r.metric(),
                                r.pair(),
                                r.quantity(),
                                r.n(),
                                r.mean(),
                                r.ciLow(),
                                r.ciHigh()));
            }
        }
        return t.toString();
    }

    /** The summary as an aligned plain-text table for the console. */
    public static String table(List<SummaryRow> summary) {
        StringBuilder t = new StringBuilder();
        t.append(
                String.format(
                        Locale.ROOT,
                        "%-28s %-18s %3s %22s %26s%n",
                        "metric",
                        "arm",
                        "n",
                        "mean [95% CI]",
                        "vs baseline [95% CI]"));
        for (SummaryRow s : summary) {
            t.append(
                    String.format(
                            Locale.ROOT,
                            "%-28s %-18s %3d %9.4f [%.4f, %.4f] %+9.4f [%+.4f, %+.4f]%n",
                            s.metric(),
                            s.arm(),
                            s.n(),
                            s.mean(),
                            s.ciLow(),
                            s.ciHigh(),
                            s.diff(),
                            s.diffLow(),
                            s.diffHigh()));
        }
        return t.toString();
    }
}
