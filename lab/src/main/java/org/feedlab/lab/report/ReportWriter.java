package org.feedlab.lab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * (inline SVG, no script), and the same run gives the same bytes.
 */
public final class ReportWriter {
    /** Metrics charted, with the question each answers for a reader. */
    static final Map<String, String> CHARTS = new LinkedHashMap<>();

    static {
        CHARTS.put("outrage_exposure_share", "How much of what people saw was outrage?");
        CHARTS.put(
                "thermometer_outgroup_mean",
                "How warm do people feel toward the other side (0–100)?");
        CHARTS.put("items_read", "How much did people read (time-spent proxy)?");
        CHARTS.put("anger_exits", "How many sessions ended because the reader got too angry?");
        CHARTS.put("opinion_variance", "How spread out are opinions?");
        CHARTS.put("opinion_bimodality", "Are opinions splitting into two camps (above 0.555)?");
        CHARTS.put("cross_cutting_share", "How much did people see from the other side?");
        CHARTS.put("model_auc_click", "How well does the model predict clicks on the next tick?");
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
        h.append("<title>FeedLab report: ").append(SvgChart.escape(name)).append("</title>");
        h.append("<style>")
                .append(
                        "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1120px}")
                .append("h1{margin-bottom:4px}.sub{color:#555;margin-top:0}")
                .append(".charts{display:flex;flex-wrap:wrap;gap:12px}")
                .append("figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:6px}")
                .append("figcaption{font-size:13px;color:#444;max-width:480px}")
                .append(".title{font-size:13px;font-weight:600}.axis{font-size:11px;fill:#555}")
                .append(".legend{font-size:11px}.plot{fill:#fafafa;stroke:#ccc}.grid{stroke:#eee}")
                .append(
                        "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}")
                .append("pre{background:#f6f6f6;padding:8px;font-size:12px;overflow:auto}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(SvgChart.escape(name)).append("</h1>\n");
        h.append("<p class=\"sub\">").append(SvgChart.escape(description)).append("</p>\n");
    }

    /**
     * One figure per metric of {@link #CHARTS} that {@code series} has (metric → line label → tick
     * → value), captioned with its question.
     */
    static void charts(StringBuilder h, Map<String, Map<String, TreeMap<Long, Double>>> series) {
        h.append("<div class=\"charts\">\n");
        for (Map.Entry<String, String> chart : CHARTS.entrySet()) {
            Map<String, TreeMap<Long, Double>> lines =
                    series.getOrDefault(chart.getKey(), Map.of());
            if (lines.isEmpty()) {
                continue;
            }
            h.append("<figure>")
                    .append(SvgChart.render(chart.getKey(), lines))
                    .append("<figcaption>")
                    .append(SvgChart.escape(chart.getValue()))
                    .append("</figcaption></figure>\n");
        }
        h.append("</div>\n");
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
                .append(SvgChart.escape(scenario.path("ranker").path("objective").asText("?")))
                .append("</b> · ")
                .append(scenario.path("ticks").asText("?"))
                .append(" ticks · ")
                .append(scenario.path("society").path("users").asText("?"))
                .append(" users · engine ")
                .append(
                        SvgChart.escape(
                                manifest == null || manifest.engine() == null
                                        ? "?"
                                        : manifest.engine()))
                .append(" · ")
                .append(manifest == null ? 0 : manifest.modelVersions().size())
                .append(" model versions</p>\n");
        charts(h, series.series());
        h.append(
                "<h2>Last tick</h2>\n<table><tr><th>metric</th><th>segment</th><th>value</th></tr>\n");
        for (Map.Entry<String, Map<String, TreeMap<Long, Double>>> m : series.series().entrySet()) {
            for (Map.Entry<String, TreeMap<Long, Double>> s : m.getValue().entrySet()) {
                if (s.getValue().isEmpty()) {
                    continue;
                }
                h.append("<tr><td>")
                        .append(SvgChart.escape(m.getKey()))
                        .append("</td><td>")
                        .append(SvgChart.escape(s.getKey()))
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
                .append(SvgChart.escape(heading))
                .append("</h2>\n<pre>")
                .append(SvgChart.escape(asRun.toPrettyString()))
                .append("</pre>\n<p class=\"sub\">Metric definitions: docs/METRICS.md. ")
                .append("Model: docs/MODEL.md.</p>\n</body></html>\n");
    }

    static List<String> charted() {
        return List.copyOf(CHARTS.keySet());
    }
}
