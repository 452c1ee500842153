package org.feedlab.lab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.feedlab.lab.charts.ChartLibrary;

/**
 * The charts of a report, drawn by the same library as the live page ({@link ChartLibrary}: uPlot
 * and FeedLab's helpers), inlined into the page with its data so report.html stays one file that
 * opens offline. The same data gives the same bytes.
 */
final class ChartPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartPage() {}

    /**
     * What a chart's y axis holds: counts start at 0; shares stay within [0, 1]; a positive
     * quantity (minutes, items per session) is fitted to its data but never drawn below 0; a value
     * (an opinion, a gap, a difference) may take either sign. The bounds clip only the axis, so a
     * 95 % band of a share that reaches below 0 is drawn cut at 0; the CSV keeps its numbers.
     */
    enum Kind {
        COUNT,
        SHARE,
        POSITIVE,
        VALUE;

        /** Metrics of {@code metrics.csv} that are shares or rates in [0, 1], by name. */
        private static final List<String> SHARE_PREFIXES =
                List.of("engagement_rate_", "follow_rate_", "follow_back_rate_", "model_auc_");

        /** Metrics that can only be 0 or more and are not shares, by name. */
        private static final List<String> POSITIVE_PREFIXES =
                List.of("engagements_", "items_", "sessions", "minutes_", "time_spent_");

        private static final List<String> POSITIVE_NAMES =
                List.of(
                        "active_users",
                        "anger_exits",
                        "churned_users",
                        "impressions",
                        "reshare_posts",
                        "dwell_mean",
                        "posts_per_user_month_median");

        /**
         * The axis of a metric of {@code metrics.csv} charted as itself (not as a difference): a
         * share or rate by its name's suffix {@code _share} or prefix, a positive quantity from a
         * fixed list, otherwise a value of either sign. A metric not listed is drawn with a free
         * axis, which is never wrong, only less tidy.
         */
        static Kind of(String metric) {
            if (metric.endsWith("_share") || SHARE_PREFIXES.stream().anyMatch(metric::startsWith)) {
                return SHARE;
            }
            if (POSITIVE_NAMES.contains(metric)
                    || POSITIVE_PREFIXES.stream().anyMatch(metric::startsWith)) {
                return POSITIVE;
            }
            return VALUE;
        }

        String js() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One line of a chart, with an optional 95 % band.
     *
     * @param label the legend label
     * @param values tick → value (NaN: a gap)
     * @param lower tick → lower bound of the band, or null
     * @param upper tick → upper bound of the band, or null
     */
    record Line(
            String label,
            TreeMap<Long, Double> values,
            TreeMap<Long, Double> lower,
            TreeMap<Long, Double> upper) {
        static Line of(String label, TreeMap<Long, Double> values) {
            return new Line(label, values, null, null);
        }
    }

    /** The library and the helpers, inline: the style for the head, the scripts before the data. */
    static String library() {
        return "<style>"
                + ChartLibrary.uplotStyle()
                + "</style>\n<script>/* "
                + ChartLibrary.NOTICE
                + " */\n"
                + ChartLibrary.uplotScript()
                + "\n</script>\n<script>\n"
                + ChartLibrary.chartsScript()
                + "\n</script>\n";
    }

    /** A chart's container: {@code id="chart-<index>"}. */
    static String container(int index) {
        return "<div id=\"chart-" + index + "\" class=\"chart\"></div>";
    }

    /** A chart's figure: its container and its caption (escaped here), one line of the page. */
    static String figure(int index, String caption) {
        return "<figure>"
                + container(index)
                + "<figcaption>"
                + escape(caption)
                + "</figcaption></figure>\n";
    }

    /**
     * The script that draws chart {@code index} into its container: ticks are the union of the
     * lines' ticks, a missing or NaN value is a gap.
     */
    static ObjectNode spec(int index, String title, Kind kind, List<Line> lines) {
        TreeSet<Long> ticks = new TreeSet<>();
        lines.forEach(l -> ticks.addAll(l.values().keySet()));
        ObjectNode c = JSON.createObjectNode();
        c.put("id", "chart-" + index);
        c.put("title", title);
        c.put("kind", kind.js());
        ArrayNode t = c.putArray("ticks");
        ticks.forEach(t::add);
        ArrayNode ls = c.putArray("lines");
        for (Line line : lines) {
            ObjectNode l = ls.addObject();
            l.put("label", line.label());
            values(l.putArray("values"), ticks, line.values());
            if (line.lower() != null && line.upper() != null) {
                values(l.putArray("lower"), ticks, line.lower());
                values(l.putArray("upper"), ticks, line.upper());
            }
        }
        return c;
    }

    /**
     * The script data of a dose–response chart {@code index}: x is the dose's levels (labelled
     * {@code dose}), each line a curve's value per level with its 95 % band.
     */
    static ObjectNode doseSpec(
            int index,
            String title,
            Kind kind,
            String dose,
            List<Double> levels,
            List<Line> lines) {
        TreeSet<Long> positions = new TreeSet<>();
        for (long i = 0; i < levels.size(); i++) {
            positions.add(i);
        }
        ObjectNode c = spec(index, title, kind, lines);
        c.put("x", dose);
        ArrayNode x = c.putArray("ticks");
        levels.forEach(x::add);
        // The lines are keyed by the level's position; spec() laid them over those positions.
        ArrayNode ls = c.putArray("lines");
        for (Line line : lines) {
            ObjectNode l = ls.addObject();
            l.put("label", line.label());
            values(l.putArray("values"), positions, line.values());
            if (line.lower() != null && line.upper() != null) {
                values(l.putArray("lower"), positions, line.lower());
                values(l.putArray("upper"), positions, line.upper());
            }
        }
        return c;
    }

    private static void values(ArrayNode out, TreeSet<Long> ticks, Map<Long, Double> values) {
        for (long t : ticks) {
            Double v = values.get(t);
            if (v == null || !Double.isFinite(v)) {
                out.addNull();
            } else {
                out.add(v);
            }
        }
    }

    /** The data and the loop that draws every chart, at the end of the body. */
    static String draw(List<ObjectNode> specs) {
        ArrayNode all = JSON.createArrayNode();
        specs.forEach(all::add);
        // "</" cannot end the script early: JSON strings escape the slash.
        String data = all.toString().replace("</", "<\\/");
        return "<script>\n(function () {\n  var charts = "
                + data
                + ";\n  charts.forEach(function (c) {\n"
                + "    FeedLabCharts.lineChart(document.getElementById(c.id), c.ticks, c);\n"
                + "  });\n})();\n</script>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
