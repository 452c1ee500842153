package org.feedlab.lab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.lab.run.AtomicFiles;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.run.RunDirectory;

/**
 * Writes report.html for a run directory: what was run, the key metrics over time per segment, and
 * every metric's last value; an experiment directory gets {@link ExperimentReport}. Self-contained
 * (the charting library and the data inlined, no network), and the same run gives the same bytes.
 */
public final class ReportWriter {
    /** Metrics charted, with the question each answers for a reader and their kind of axis. */
    static final Map<String, Chart> CHARTS = new LinkedHashMap<>();

    /** A charted metric's question and axis. */
    record Chart(String question, ChartPage.Kind kind) {}

    static {
        CHARTS.put(
                "outrage_exposure_share",
                new Chart("How much of what people saw was outrage?", ChartPage.Kind.SHARE));
        CHARTS.put(
                "thermometer_outgroup_mean",
                new Chart(
                        "How warm do people feel toward the other side (0–100)?",
                        ChartPage.Kind.VALUE));
        CHARTS.put(
                "items_read",
                new Chart("How much did people read (time-spent proxy)?", ChartPage.Kind.COUNT));
        CHARTS.put(
                "anger_exits",
                new Chart(
                        "How many sessions ended because the reader got too angry?",
                        ChartPage.Kind.COUNT));
        CHARTS.put(
                "opinion_variance",
                new Chart("How spread out are opinions?", ChartPage.Kind.VALUE));
        CHARTS.put(
                "opinion_bimodality",
                new Chart(
                        "Are opinions splitting into two camps (above 0.555)?",
                        ChartPage.Kind.VALUE));
        CHARTS.put(
                "cross_cutting_share",
                new Chart("How much did people see from the other side?", ChartPage.Kind.SHARE));
        CHARTS.put(
                "model_auc_click",
                new Chart(
                        "How well does the model predict clicks on the next tick?",
                        ChartPage.Kind.VALUE));
    }

    public static final String FILE = "report.html";

    private ReportWriter() {}

    /**
     * Writes report.html into a run directory (one with metrics.csv) or an experiment directory
     * (one with results.csv and experiment.json); returns its path.
     */
    public static Path write(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(ExperimentReport.RESULTS))) {
            return ExperimentReport.write(dir);
        }
        Path csv = dir.resolve(RunDirectory.METRICS);
        if (!Files.isRegularFile(csv)) {
            throw new IOException(
                    dir
                            + " has neither metrics.csv nor results.csv: is it a FeedLab run or experiment directory?");
        }
        MetricSeries series = MetricSeries.read(csv);
        Manifest manifest = null;
        if (Files.isRegularFile(dir.resolve(Manifest.FILE))) {
            try {
                manifest = Manifest.read(dir);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return AtomicFiles.write(dir.resolve(FILE), render(manifest, series));
    }

    /** The page head, its style, the title and the description. */
    static void head(StringBuilder h, String name, String description) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>FeedLab report: ").append(ChartPage.escape(name)).append("</title>");
        h.append("<style>")
                .append(
                        "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1120px}")
                .append("h1{margin-bottom:4px}.sub{color:#555;margin-top:0}")
                .append(".charts{display:flex;flex-wrap:wrap;gap:12px}")
                .append("figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:6px}")
                .append("figcaption{font-size:13px;color:#444;max-width:480px}")
                .append(
                        "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}")
                .append("pre{background:#f6f6f6;padding:8px;font-size:12px;overflow:auto}")
                .append("</style>\n")
                .append(ChartPage.library())
                .append("</head><body>\n");
        h.append("<h1>").append(ChartPage.escape(name)).append("</h1>\n");
        h.append("<p class=\"sub\">").append(ChartPage.escape(description)).append("</p>\n");
    }

    /**
     * One figure per metric of {@link #CHARTS} that {@code series} has (metric → lines), captioned
     * with its question, and the script that draws them.
     */
    static void charts(StringBuilder h, Map<String, List<ChartPage.Line>> series) {
        h.append("<div class=\"charts\">\n");
        List<ObjectNode> specs = new ArrayList<>();
        for (Map.Entry<String, Chart> chart : CHARTS.entrySet()) {
            List<ChartPage.Line> lines = series.getOrDefault(chart.getKey(), List.of());
            if (lines.isEmpty()) {
                continue;
            }
            h.append(ChartPage.figure(specs.size(), chart.getValue().question()));
            specs.add(ChartPage.spec(specs.size(), chart.getKey(), chart.getValue().kind(), lines));
        }
        h.append("</div>\n").append(ChartPage.draw(specs));
    }

    /** A run's lines: one per segment of each metric. */
    static Map<String, List<ChartPage.Line>> bySegment(MetricSeries series) {
        Map<String, List<ChartPage.Line>> out = new LinkedHashMap<>();
        series.series()
                .forEach(
                        (metric, segments) -> {
                            List<ChartPage.Line> lines = new ArrayList<>();
                            segments.forEach(
                                    (segment, values) -> {
                                        if (!values.isEmpty()) {
                                            lines.add(ChartPage.Line.of(segment, values));
                                        }
                                    });
                            out.put(metric, lines);
                        });
        return out;
    }

    /** The page of a run; without a manifest, what it would have said is shown as "?". */
    static String render(Manifest manifest, MetricSeries series) {
        JsonNode scenario = manifest == null ? MissingNode.getInstance() : manifest.scenario();
        String name = scenario.path("name").asText("run");
        StringBuilder h = new StringBuilder();
        head(h, name, scenario.path("description").asText(""));
        h.append("<p>Seed ")
                .append(manifest == null ? "?" : Long.toString(manifest.seed()))
                .append(" · objective <b>")
                .append(ChartPage.escape(scenario.path("ranker").path("objective").asText("?")))
                .append("</b> · ")
                .append(scenario.path("ticks").asText("?"))
                .append(" ticks · ")
                .append(scenario.path("society").path("users").asText("?"))
                .append(" users · engine ")
                .append(
                        ChartPage.escape(
                                manifest == null || manifest.engine() == null
                                        ? "?"
                                        : manifest.engine()))
                .append(" · ")
                .append(manifest == null ? 0 : manifest.modelVersions().size())
                .append(" model versions</p>\n");
        charts(h, bySegment(series));
        h.append(
                "<h2>Last tick</h2>\n<table><tr><th>metric</th><th>segment</th><th>value</th></tr>\n");
        for (Map.Entry<String, Map<String, TreeMap<Long, Double>>> m : series.series().entrySet()) {
            for (Map.Entry<String, TreeMap<Long, Double>> s : m.getValue().entrySet()) {
                if (s.getValue().isEmpty()) {
                    continue;
                }
                h.append("<tr><td>")
                        .append(ChartPage.escape(m.getKey()))
                        .append("</td><td>")
                        .append(ChartPage.escape(s.getKey()))
                        .append("</td><td class=\"num\">")
                        .append(MetricRow.formatValue(s.getValue().lastEntry().getValue()))
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        foot(h, "Scenario as run", scenario);
        return h.toString();
    }

    /** What was run, as JSON under {@code heading}, the pointers to the docs, and the page end. */
    static void foot(StringBuilder h, String heading, JsonNode asRun) {
        h.append("<h2>")
                .append(ChartPage.escape(heading))
                .append("</h2>\n<pre>")
                .append(ChartPage.escape(asRun.toPrettyString()))
                .append("</pre>\n<p class=\"sub\">Metric definitions: docs/METRICS.md. ")
                .append("Model: docs/MODEL.md.</p>\n</body></html>\n");
    }

    static List<String> charted() {
        return List.copyOf(CHARTS.keySet());
    }
}
