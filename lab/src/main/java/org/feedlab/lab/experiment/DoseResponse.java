package org.feedlab.lab.experiment;

import java.math.BigDecimal;
import java.util.List;

/**
 * An experiment laid out as dose–response curves: one scenario key (the dose) set to each of a list
 * of levels, under each of several curves (a curve is a set of overrides, such as a ranker). The
 * loader expands it into arms named {@code <curve>-<level>}; the report draws each summary metric
 * against the dose, one line per curve, and marks where each curve peaks.
 *
 * @param key the dose's scenario key, as {@code section.key} (e.g. {@code society.anger_threshold})
 * @param levels the dose's levels, ascending
 * @param curves the curves' names, in file order
 */
public record DoseResponse(String key, List<Double> levels, List<String> curves) {
    public DoseResponse {
        levels = List.copyOf(levels);
        curves = List.copyOf(curves);
    }

    /** The name of the arm of this curve at this level. */
    public static String arm(String curve, double level) {
        return curve + "-" + level(level);
    }

    /** A level as written in arm names and reports: plain decimal, no trailing zeros. */
    public static String level(double level) {
        return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }
}
