package org.feedlab.lab.run;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of {@code metrics.csv}: a metric's value for one segment at one tick.
 *
 * @param tick tick the value describes
 * @param metric snake_case metric name, e.g. {@code outrage_exposure_share}
 * @param segment population segment, {@code all} for everyone
 * @param value the value
 */
public record MetricRow(long tick, String metric, String segment, double value) {

    /** The CSV header matching {@link #toCsvLine()}. */
    public static final String HEADER = "tick,metric,segment,value";

    /** Ten significant digits: more than any metric here is accurate to, few enough to diff. */
    private static final MathContext SIGNIFICANT = new MathContext(10, RoundingMode.HALF_EVEN);

    /** Below this magnitude integers print exactly as integers (doubles are exact there). */
    private static final double PLAIN_INTEGER_LIMIT = 1e15;

    /** Refuses null names: a row without a metric or segment cannot be read back. */
    public MetricRow {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(segment, "segment");
    }

    /** The row as a CSV line without the line break, fields quoted only where needed. */
    public String toCsvLine() {
        return tick + "," + csvField(metric) + "," + csvField(segment) + "," + formatValue(value);
    }

    /**
     * Formats a value the same way on every machine and locale, so equal runs give equal bytes:
     * integral values below 1e15 as plain integers ({@code 2000}), others rounded to 10 significant
     * digits without trailing zeros ({@code 0.123456789}, {@code -0.5}); tiny or huge magnitudes in
     * scientific notation ({@code 1.5E-9}); {@code NaN}, {@code Infinity} and {@code -Infinity} as
     * Java, R and pandas all read them.
     */
    public static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == Math.rint(value) && Math.abs(value) < PLAIN_INTEGER_LIMIT) {
            // (long) of -0.0 is 0, so negative zero prints like zero.
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        // Plain notation where it stays short; otherwise 1e-300 would print 300 zeros.
        return exponent >= -7 && exponent < 21 ? rounded.toPlainString() : rounded.toString();
    }

    /** RFC 4180 quoting, only for fields that contain a comma, quote or line break. */
    static String csvField(String field) {
        if (field.indexOf(',') < 0
                && field.indexOf('"') < 0
                && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
