package org.feedlab.lab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.lab.experiment.DoseResponse;
import org.feedlab.lab.experiment.ExperimentRunner;
import org.feedlab.lab.experiment.StudentT;
import org.feedlab.lab.run.AtomicFiles;
import org.feedlab.lab.run.MetricRow;

/**
 * report.html for an experiment directory: the key metrics over time with one line per arm (the
 * mean over seeds of the population's value at each tick), then the summary table of summary.csv
 * (each arm's mean and its paired difference from the baseline, with 95 % intervals).
 * Self-contained and byte-stable like the run report.
 */
public final class ExperimentReport {
    static final String RESULTS = "results.csv";
    static final String SUMMARY = "summary.csv";
    static final String DESCRIPTION = "experiment.json";
    static final String RECOVERY = ExperimentRunner.RECOVERY;

    private static final String RESULTS_HEADER = "arm,seed,tick,metric,segment,value";

    private ExperimentReport() {}

    /** Reads results.csv, summary.csv and experiment.json and writes report.html beside them. */
    static Path write(Path dir) throws IOException {
        Path descriptionFile = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(descriptionFile)) {
            throw new IOException(
                    dir
                            + " has results.csv but no experiment.json: is it a FeedLab experiment directory?");
        }
        JsonNode experiment = new ObjectMapper().readTree(descriptionFile.toFile());
        Map<String, List<ChartPage.Line>> bands =
                armBands(Files.readAllLines(dir.resolve(RESULTS)));
        Path summaryFile = dir.resolve(SUMMARY);
        List<String> summary =
                Files.isRegularFile(summaryFile) ? Files.readAllLines(summaryFile) : List.of();
        Path recoveryFile = dir.resolve(RECOVERY);
        List<String> recovery =
                Files.isRegularFile(recoveryFile) ? Files.readAllLines(recoveryFile) : List.of();
        return AtomicFiles.write(
                dir.resolve(ReportWriter.FILE), render(experiment, bands, summary, recovery));
    }

    /**
     * metric → arm → tick → mean over seeds of the population ("all" segment) value; arms and
     * metrics in file order, NaN values left out of the mean.
     *
     * @throws IOException naming the line when the file is not a FeedLab results.csv
     */
    static Map<String, Map<String, TreeMap<Long, Double>>> armMeans(List<String> lines)
            throws IOException {
        Map<String, Map<String, TreeMap<Long, Double>>> means = new LinkedHashMap<>();
        samples(lines)
                .forEach(
                        (metric, arms) ->
                                arms.forEach(
                                        (arm, ticks) -> {
                                            TreeMap<Long, Double> line = new TreeMap<>();
                                            ticks.forEach((t, xs) -> line.put(t, mean(xs)));
                                            means.computeIfAbsent(
                                                            metric, k -> new LinkedHashMap<>())
                                                    .put(arm, line);
                                        }));
        return means;
    }

    /**
     * metric → one line per arm: the mean over seeds at each tick and its 95 % t-interval (mean ±
     * t(0.975, n−1) · s / √n over the n seeds with a value; no band with fewer than two).
     */
    static Map<String, List<ChartPage.Line>> armBands(List<String> lines) throws IOException {
        Map<String, List<ChartPage.Line>> out = new LinkedHashMap<>();
        samples(lines)
                .forEach(
                        (metric, arms) -> {
                            List<ChartPage.Line> list = new ArrayList<>();
                            arms.forEach(
                                    (arm, ticks) -> {
                                        TreeMap<Long, Double> mean = new TreeMap<>();
                                        TreeMap<Long, Double> lower = new TreeMap<>();
                                        TreeMap<Long, Double> upper = new TreeMap<>();
                                        ticks.forEach(
                                                (t, xs) -> {
                                                    double m = mean(xs);
                                                    double half = halfWidth(xs);
                                                    mean.put(t, m);
                                                    lower.put(t, m - half);
                                                    upper.put(t, m + half);
                                                });
                                        list.add(new ChartPage.Line(arm, mean, lower, upper));
                                    });
                            out.put(metric, list);
                        });
        return out;
    }

    private static double mean(List<Double> xs) {
        return xs.isEmpty()
                ? Double.NaN
                : xs.stream().mapToDouble(Double::doubleValue).sum() / xs.size();
    }

    /** Half-width of the 95 % t-interval of the mean; NaN with fewer than two values. */
    static double halfWidth(List<Double> xs) {
        int n = xs.size();
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return StudentT.q975(n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }

    /**
     * metric → arm → tick → the seeds' population values, NaN left out; arms and metrics in file
     * order.
     */
    private static Map<String, Map<String, TreeMap<Long, List<Double>>>> samples(List<String> lines)
            throws IOException {
        if (lines.isEmpty() || !lines.get(0).equals(RESULTS_HEADER)) {
            throw new IOException("results.csv: expected the header " + RESULTS_HEADER);
        }
        Map<String, Map<String, TreeMap<Long, List<Double>>>> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = MetricSeries.split(lines.get(i));
            if (f.size() != 6) {
                throw new IOException(
                        "results.csv:" + (i + 1) + ": expected 6 fields, got " + f.size());
            }
            if (!f.get(4).equals("all")) {
                continue;
            }
            double v = Double.parseDouble(f.get(5));
            List<Double> xs =
                    out.computeIfAbsent(f.get(3), k -> new LinkedHashMap<>())
                            .computeIfAbsent(f.get(0), k -> new TreeMap<>())
                            .computeIfAbsent(Long.parseLong(f.get(2)), k -> new ArrayList<>());
            if (!Double.isNaN(v)) {
                xs.add(v);
            }
        }
        return out;
    }

    static String render(
            JsonNode experiment,
            Map<String, List<ChartPage.Line>> bands,
            List<String> summary,
            List<String> recovery) {
        String name = experiment.path("experiment").asText("experiment");
        StringBuilder h = new StringBuilder();
        ReportWriter.head(h, name, experiment.path("description").asText(""));
        h.append("<p>")
                .append(experiment.path("arms").size())
                .append(" arms · seeds ")
                .append(ChartPage.escape(experiment.path("seeds").toString()))
                .append(" · baseline <b>")
                .append(ChartPage.escape(experiment.path("baseline").asText("?")))
                .append("</b> · engine ")
                .append(ChartPage.escape(experiment.path("engine").asText("?")))
                .append(
                        " · each line is an arm's mean over seeds, its band the 95 % interval</p>\n");
        ReportWriter.charts(h, bands);
        if (summary.size() > 1) {
            h.append("<h2>Summary: mean of the last ")
                    .append(experiment.path("summary_last_ticks").asText("?"))
                    .append(" ticks, 95 % intervals over seeds</h2>\n")
                    .append(
                            "<table><tr><th>metric</th><th>arm</th><th>n</th><th>mean [95% CI]</th>")
                    .append("<th>vs baseline [95% CI]</th></tr>\n");
            for (String line : summary.subList(1, summary.size())) {
                List<String> f = MetricSeries.split(line);
                if (f.size() != 9) {
                    continue;
                }
                h.append("<tr><td>")
                        .append(ChartPage.escape(f.get(0)))
                        .append("</td><td>")
                        .append(ChartPage.escape(f.get(1)))
                        .append("</td><td class=\"num\">")
                        .append(ChartPage.escape(f.get(2)))
                        .append("</td><td class=\"num\">")
                        .append(interval(f.get(3), f.get(4), f.get(5)))
                        .append("</td><td class=\"num\">")
                        .append(interval(f.get(6), f.get(7), f.get(8)))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        doseResponse(h, experiment, summary);
        lossRecovery(h, experiment, bands, recovery);
        ReportWriter.foot(h, "Experiment as run", experiment);
        return h.toString();
    }

    /**
     * Dose–response curves (an experiment laid out by {@code dose_response}): for each summary
     * metric, each curve's summary mean against the dose's levels with its 95 % band, then a table
     * of the level at which each curve peaks (▲) and its value.
     */
    static void doseResponse(StringBuilder h, JsonNode experiment, List<String> summary) {
        JsonNode d = experiment.path("dose_response");
        if (!d.isObject() || summary.size() < 2) {
            return;
        }
        String dose = d.path("dose").asText("dose");
        List<Double> levels = new ArrayList<>();
        d.path("levels").forEach(l -> levels.add(l.asDouble()));
        List<String> curves = new ArrayList<>();
        d.path("curves").forEach(c -> curves.add(c.asText()));
        // metric → arm → {mean, low, high}, in summary order.
        Map<String, Map<String, double[]>> rows = new LinkedHashMap<>();
        for (String line : summary.subList(1, summary.size())) {
            List<String> f = MetricSeries.split(line);
            if (f.size() == 9) {
                rows.computeIfAbsent(f.get(0), k -> new LinkedHashMap<>())
                        .put(
                                f.get(1),
                                new double[] {
                                    Double.parseDouble(f.get(3)),
                                    Double.parseDouble(f.get(4)),
                                    Double.parseDouble(f.get(5))
                                });
            }
        }
        h.append("<h2>Dose–response: ")
                .append(ChartPage.escape(dose))
                .append("</h2>\n<p>Each line is a curve's summary mean (the last ")
                .append(experiment.path("summary_last_ticks").asText("?"))
                .append(" ticks, mean over seeds) at each level of ")
                .append(ChartPage.escape(dose))
                .append(", its band the 95 % interval over seeds.</p>\n<div class=\"charts\">\n");
        List<ObjectNode> specs = new ArrayList<>();
        StringBuilder peaks =
                new StringBuilder(
                        "<table><tr><th>metric</th><th>curve</th><th>peak at</th>"
                                + "<th>mean [95% CI] there</th></tr>\n");
        for (Map.Entry<String, Map<String, double[]>> metric : rows.entrySet()) {
            List<ChartPage.Line> lines = new ArrayList<>();
            for (String curve : curves) {
                TreeMap<Long, Double> mean = new TreeMap<>();
                TreeMap<Long, Double> low = new TreeMap<>();
                TreeMap<Long, Double> high = new TreeMap<>();
                int peak = -1;
                for (int i = 0; i < levels.size(); i++) {
                    double[] v = metric.getValue().get(DoseResponse.arm(curve, levels.get(i)));
                    if (v == null) {
                        continue;
                    }
                    mean.put((long) i, v[0]);
                    low.put((long) i, v[1]);
                    high.put((long) i, v[2]);
                    if (Double.isFinite(v[0]) && (peak < 0 || v[0] > mean.get((long) peak))) {
                        peak = i;
                    }
                }
                lines.add(new ChartPage.Line(curve, mean, low, high));
                if (peak >= 0) {
                    peaks.append("<tr><td>")
                            .append(ChartPage.escape(metric.getKey()))
                            .append("</td><td>")
                            .append(ChartPage.escape(curve))
                            .append("</td><td class=\"num\">▲ ")
                            .append(ChartPage.escape(DoseResponse.level(levels.get(peak))))
                            .append("</td><td class=\"num\">")
                            .append(
                                    ChartPage.escape(
                                            MetricRow.formatValue(mean.get((long) peak))
                                                    + " ["
                                                    + MetricRow.formatValue(low.get((long) peak))
                                                    + ", "
                                                    + MetricRow.formatValue(high.get((long) peak))
                                                    + "]"))
                            .append("</td></tr>\n");
                }
            }
            int index = 1000 + specs.size();
            h.append(ChartPage.figure(index, metric.getKey() + " against " + dose));
            specs.add(
                    ChartPage.doseSpec(
                            index,
                            metric.getKey(),
                            ChartPage.Kind.of(metric.getKey()),
                            dose,
                            levels,
                            lines));
        }
        h.append("</div>\n").append(ChartPage.draw(specs));
        h.append("<p>▲ the level at which each curve is highest.</p>\n")
                .append(peaks)
                .append("</table>\n");
        chosenModels(h, experiment, dose, levels, curves);
    }

    /**
     * When a model-capacity policy chose an arm's model (experiment.json's arm {@code
     * hidden_sizes}), a table of the hidden sizes at each level of the dose, one row per curve.
     */
    static void chosenModels(
            StringBuilder h,
            JsonNode experiment,
            String dose,
            List<Double> levels,
            List<String> curves) {
        Map<String, String> sizes = new LinkedHashMap<>();
        for (JsonNode arm : experiment.path("arms")) {
            if (arm.has("hidden_sizes")) {
                sizes.put(arm.path("name").asText(), arm.get("hidden_sizes").toString());
            }
        }
        if (sizes.isEmpty()) {
            return;
        }
        h.append("<h3>Hidden sizes the model-capacity policy chose at each level of ")
                .append(ChartPage.escape(dose))
                .append("</h3>\n<table><tr><th>curve</th>");
        for (double level : levels) {
            h.append("<th>").append(ChartPage.escape(DoseResponse.level(level))).append("</th>");
        }
        h.append("</tr>\n");
        for (String curve : curves) {
            h.append("<tr><td>").append(ChartPage.escape(curve)).append("</td>");
            for (double level : levels) {
                h.append("<td class=\"num\">")
                        .append(
                                ChartPage.escape(
                                        sizes.getOrDefault(DoseResponse.arm(curve, level), "—")))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * Loss and recovery (an experiment with {@code loss_recovery}, read from recovery.csv): for
     * each metric, every arm's value per tick and each treated arm's gap to its control per tick,
     * both with 95 % bands and T marked in the caption; then a table of the first loss (at T), the
     * end loss (the last ticks) and the share recovered, each with its 95 % interval over seeds.
     */
    static void lossRecovery(
            StringBuilder h,
            JsonNode experiment,
            Map<String, List<ChartPage.Line>> bands,
            List<String> recovery) {
        JsonNode r = experiment.path("loss_recovery");
        if (!r.isObject() || recovery.size() < 2) {
            return;
        }
        String tick = r.path("tick").asText("?");
        String end = r.path("end_ticks").asText("?");
        // metric → treated arm → gap per tick {mean, low, high}; and the summaries, in file order.
        Map<String, Map<String, TreeMap<Long, double[]>>> gaps = new LinkedHashMap<>();
        StringBuilder table =
                new StringBuilder(
                        "<table><tr><th>metric</th><th>treated arm</th><th>n</th>"
                                + "<th>loss at T [95% CI]</th><th>loss at the end [95% CI]</th>"
                                + "<th>share recovered [95% CI]</th></tr>\n");
        Map<String, String[]> summaries = new LinkedHashMap<>();
        for (String line : recovery.subList(1, recovery.size())) {
            List<String> f = MetricSeries.split(line);
            if (f.size() != 8) {
                continue;
            }
            String ci = interval(f.get(5), f.get(6), f.get(7));
            if (f.get(2).equals("gap")) {
                gaps.computeIfAbsent(f.get(0), k -> new LinkedHashMap<>())
                        .computeIfAbsent(f.get(1), k -> new TreeMap<>())
                        .put(
                                Long.parseLong(f.get(3)),
                                new double[] {
                                    Double.parseDouble(f.get(5)),
                                    Double.parseDouble(f.get(6)),
                                    Double.parseDouble(f.get(7))
                                });
            } else {
                String[] row =
                        summaries.computeIfAbsent(
                                f.get(0) + "\u0000" + f.get(1), k -> new String[4]);
                int at = f.get(2).equals("first") ? 1 : f.get(2).equals("end") ? 2 : 3;
                row[at] = ci;
                row[0] = row[0] == null || at == 3 ? f.get(4) : row[0];
            }
        }
        h.append("<h2>Loss and recovery after tick ")
                .append(ChartPage.escape(tick))
                .append("</h2>\n<p>The gap is the control arm's value minus the treated arm's at")
                .append(
                        " each tick, per seed, then averaged over seeds (paired by seed). Loss at T")
                .append(" = the gap at tick ")
                .append(ChartPage.escape(tick))
                .append(", the first tick treated; loss at the end = the mean gap over the last ")
                .append(ChartPage.escape(end))
                .append(" ticks; share recovered = 1 − end / T, per seed (docs/METRICS.md).</p>\n")
                .append("<div class=\"charts\">\n");
        List<ObjectNode> specs = new ArrayList<>();
        for (Map.Entry<String, Map<String, TreeMap<Long, double[]>>> metric : gaps.entrySet()) {
            List<ChartPage.Line> arms = bands.getOrDefault(metric.getKey(), List.of());
            if (!arms.isEmpty()) {
                int index = 2000 + specs.size();
                h.append(
                        ChartPage.figure(
                                index,
                                metric.getKey()
                                        + " per tick, every arm (treated from tick "
                                        + tick
                                        + ")"));
                specs.add(
                        ChartPage.spec(
                                index, metric.getKey(), ChartPage.Kind.of(metric.getKey()), arms));
            }
            List<ChartPage.Line> lines = new ArrayList<>();
            metric.getValue()
                    .forEach(
                            (arm, series) -> {
                                TreeMap<Long, Double> mean = new TreeMap<>();
                                TreeMap<Long, Double> low = new TreeMap<>();
                                TreeMap<Long, Double> high = new TreeMap<>();
                                series.forEach(
                                        (t, v) -> {
                                            mean.put(t, v[0]);
                                            low.put(t, v[1]);
                                            high.put(t, v[2]);
                                        });
                                lines.add(new ChartPage.Line(arm, mean, low, high));
                            });
            int index = 2000 + specs.size();
            h.append(
                    ChartPage.figure(
                            index,
                            "Gap in "
                                    + metric.getKey()
                                    + " per tick: control − treated (treated from tick "
                                    + tick
                                    + ")"));
            specs.add(ChartPage.spec(index, "gap " + metric.getKey(), ChartPage.Kind.VALUE, lines));
        }
        h.append("</div>\n").append(ChartPage.draw(specs));
        for (Map.Entry<String, String[]> row : summaries.entrySet()) {
            String[] key = row.getKey().split("\u0000", 2);
            String[] v = row.getValue();
            table.append("<tr><td>")
                    .append(ChartPage.escape(key[0]))
                    .append("</td><td>")
                    .append(ChartPage.escape(key[1]))
                    .append("</td><td class=\"num\">")
                    .append(ChartPage.escape(v[0] == null ? "" : v[0]))
                    .append("</td>");
            for (int i = 1; i <= 3; i++) {
                table.append("<td class=\"num\">").append(v[i] == null ? "" : v[i]).append("</td>");
            }
            table.append("</tr>\n");
        }
        h.append(table).append("</table>\n");
    }

    private static String interval(String mean, String low, String high) {
        return ChartPage.escape(
                MetricRow.formatValue(Double.parseDouble(mean))
                        + " ["
                        + MetricRow.formatValue(Double.parseDouble(low))
                        + ", "
                        + MetricRow.formatValue(Double.parseDouble(high))
                        + "]");
    }
}
