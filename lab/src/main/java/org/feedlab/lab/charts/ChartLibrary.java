package org.feedlab.lab.charts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The charting library of the live page and the reports: uPlot (MIT licence, by Leon Sorokin), from
 * the {@code org.webjars.npm:uplot} web jar pinned in the parent POM, read from the classpath so
 * nothing is fetched from the network; and FeedLab's own chart helpers on top of it ({@code
 * feedlab-charts.js}: line charts over ticks, 95 % bands, count axes that start at zero, the
 * opinion histogram).
 */
public final class ChartLibrary {
    /** The uPlot version the build pinned. */
    public static final String VERSION = readVersion();

    /** Where the web jar keeps uPlot's files. */
    private static final String WEBJAR = "META-INF/resources/webjars/uplot/" + VERSION + "/";

    /** The licence line the pages carry beside the inlined library. */
    public static final String NOTICE =
            "uPlot " + VERSION + " (c) Leon Sorokin, MIT License; FeedLab charts, Apache-2.0";

    private ChartLibrary() {}

    /** uPlot's minified script (an IIFE defining {@code uPlot}). */
    public static String uplotScript() {
        return read(WEBJAR + "dist/uPlot.iife.min.js");
    }

    /** uPlot's style sheet. */
    public static String uplotStyle() {
        return read(WEBJAR + "dist/uPlot.min.css");
    }

    /** uPlot's licence text. */
    public static String uplotLicense() {
        return read(WEBJAR + "LICENSE");
    }

    /** FeedLab's chart helpers ({@code FeedLabCharts}). */
    public static String chartsScript() {
        return read("org/feedlab/lab/charts/feedlab-charts.js");
    }

    /** A text resource of the classpath, UTF-8. */
    public static String read(String resource) {
        try (InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = ChartLibrary.class.getResourceAsStream("chart-library.properties")) {
            if (in == null) {
                throw new IllegalStateException("chart-library.properties missing");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("uplot.version");
    }
}
