package org.feedlab.lab.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small line chart as inline SVG: no script and no external file, so a report opens anywhere and
 * can be pasted into a brief.
 */
final class SvgChart {
    static final int WIDTH = 480;
    static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 28;
    private static final int BOTTOM = 34;
    private static final List<String> COLOURS =
            List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b");

    private SvgChart() {}

    /** Lines for each named series (NaN values are gaps), with axes and a legend. */
    static String render(String title, Map<String, TreeMap<Long, Double>> lines) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (TreeMap<Long, Double> s : lines.values()) {
            for (Map.Entry<Long, Double> e : s.entrySet()) {
                if (Double.isFinite(e.getValue())) {
                    minX = Math.min(minX, e.getKey());
                    maxX = Math.max(maxX, e.getKey());
                    minY = Math.min(minY, e.getValue());
                    maxY = Math.max(maxY, e.getValue());
                }
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(
                fmt(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                        WIDTH, HEIGHT, escape(title)));
        svg.append(fmt("<text x=\"%d\" y=\"18\" class=\"title\">%s</text>", LEFT, escape(title)));
        if (!Double.isFinite(minX)) {
            svg.append(fmt("<text x=\"%d\" y=\"%d\">no data</text></svg>", LEFT, HEIGHT / 2));
            return svg.toString();
        }
        if (maxY == minY) {
            maxY = minY + 1;
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        double pad = (maxY - minY) * 0.05;
        minY -= pad;
        maxY += pad;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(
                fmt(
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"plot\"/>",
                        LEFT, TOP, plotW, plotH));
        for (int i = 0; i <= 4; i++) {
            double v = minY + (maxY - minY) * i / 4.0;
            double y = TOP + plotH - plotH * i / 4.0;
            svg.append(
                    fmt(
                            "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>",
                            LEFT, LEFT + plotW, y, y));
            svg.append(
                    fmt(
                            "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%s</text>",
                            LEFT - 4, y + 4, tick(v)));
        }
        svg.append(
                fmt(
                        "<text x=\"%d\" y=\"%d\" class=\"axis\">tick %d</text>",
                        LEFT, HEIGHT - 10, (long) minX));
        svg.append(
                fmt(
                        "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">tick %d</text>",
                        LEFT + plotW, HEIGHT - 10, (long) maxX));
        // Legend entries right-aligned in one row, each as wide as its label.
        int legendX = WIDTH - RIGHT;
        for (String label : lines.keySet()) {
            legendX -= legendWidth(label);
        }
        int c = 0;
        for (Map.Entry<String, TreeMap<Long, Double>> line : lines.entrySet()) {
            String colour = COLOURS.get(c % COLOURS.size());
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (Map.Entry<Long, Double> e : line.getValue().entrySet()) {
                if (!Double.isFinite(e.getValue())) {
                    pen = false;
                    continue;
                }
                double x = LEFT + plotW * (e.getKey() - minX) / (maxX - minX);
                double y = TOP + plotH - plotH * (e.getValue() - minY) / (maxY - minY);
                path.append(pen ? " L" : " M").append(fmt("%.1f %.1f", x, y));
                pen = true;
            }
            svg.append(
                    fmt(
                            "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                            path.toString().trim(), colour));
            if (lines.size() > 1) {
                svg.append(
                        fmt(
                                "<text x=\"%d\" y=\"18\" fill=\"%s\" class=\"legend\">%s</text>",
                                legendX, colour, escape(line.getKey())));
                legendX += legendWidth(line.getKey());
            }
            c++;
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** Room for a legend label: about 6.5 px per character at 11 px, plus a gap. */
    private static int legendWidth(String label) {
        return (int) Math.ceil(6.5 * label.length()) + 14;
    }

    private static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return fmt("%.0f", v);
        }
        if (a >= 1) {
            return fmt("%.2f", v);
        }
        return fmt("%.3f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
