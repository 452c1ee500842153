package org.feedlab.lab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a metrics.csv grouped as series: metric → segment → (tick → value).
 *
 * @param series the values, metrics and segments in file order, ticks ascending
 */
public record MetricSeries(Map<String, Map<String, TreeMap<Long, Double>>> series) {

    /** Reads a metrics.csv written by a run. */
    public static MetricSeries read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).equals("tick,metric,segment,value")) {
            throw new IOException(
                    csv + " is not a FeedLab metrics.csv (header tick,metric,segment,value)");
        }
        Map<String, Map<String, TreeMap<Long, Double>>> series = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = split(lines.get(i));
            if (f.size() != 4) {
                throw new IOException(csv + ":" + (i + 1) + ": expected 4 fields, got " + f.size());
            }
            series.computeIfAbsent(f.get(1), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.get(2), k -> new TreeMap<>())
                    .put(Long.parseLong(f.get(0)), Double.parseDouble(f.get(3)));
        }
        return new MetricSeries(series);
    }

    /** One metric's values for a segment, or an empty map. */
    public TreeMap<Long, Double> of(String metric, String segment) {
        return series.getOrDefault(metric, Map.of()).getOrDefault(segment, new TreeMap<>());
    }

    /** RFC 4180 fields: only the metric, segment and arm can be quoted. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
