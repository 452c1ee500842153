package org.feedlab.lab.validate;

import java.util.List;
import java.util.Locale;

/**
 * FeedLab's estimate of one finding: one value per seed, their mean with a 95 % t-interval, and the
 * verdict on the mean.
 *
 * @param finding the finding
 * @param seeds the seeds, in the design's order
 * @param perSeed the estimate of each seed (NaN where a run had no value in the window)
 * @param mean the mean over seeds
 * @param low lower end of the 95 % t-interval over seeds
 * @param high upper end of the 95 % t-interval over seeds
 * @param verdict how the mean compares with the published estimate
 */
public record Result(
        Finding finding,
        List<Long> seeds,
        List<Double> perSeed,
        double mean,
        double low,
        double high,
        Verdict verdict) {

    /** The block the suite prints for this finding. */
    public String block() {
        Finding f = finding;
        Published p = f.published();
        Measure m = f.measure();
        StringBuilder b = new StringBuilder();
        b.append(f.id()).append(" · ").append(f.study()).append(" — ").append(f.outcome());
        b.append('\n');
        String comparison =
                m.statistic().needsControl()
                        ? m.treatment() + " vs " + m.control()
                        : m.treatment().toString();
        b.append(
                String.format(
                        Locale.ROOT,
                        "  design:    %s, seeds %s; %s; %s of %s over %s%n",
                        f.design().baseFile(),
                        f.design().seeds(),
                        comparison,
                        m.statistic().words(),
                        m.metric(),
                        m.window()));
        b.append("  published: ").append(published(p, f.unit()));
        b.append(
                String.format(
                        Locale.ROOT,
                        " (%s, %s)%n",
                        kindWords(p.kind()),
                        p.source().name().toLowerCase(Locale.ROOT)));
        b.append(
                String.format(
                        Locale.ROOT,
                        "  FeedLab:   %s [%s, %s] %s (95 %% t-interval over %d seeds)%n",
                        number(mean),
                        number(low),
                        number(high),
                        f.unit(),
                        perSeed.stream().filter(Double::isFinite).count()));
        String note =
                f.role() == Finding.Role.CALIBRATION
                        ? " (calibrated to this figure: not counted)"
                        : p.kind().hasInterval() ? "" : " (no published interval: not counted)";
        b.append("  verdict:   ").append(verdict.label()).append(note).append('\n');
        return b.toString();
    }

    /**
     * The published estimate in words: with its interval; for a sign alone, "increase" or
     * "decrease", with the point estimate when one was published (an estimate of exactly ±1 stands
     * for a sign without a magnitude).
     */
    static String published(Published p, String unit) {
        if (p.kind().hasInterval()) {
            return String.format(
                    Locale.ROOT,
                    "%s [%s, %s] %s",
                    number(p.estimate()),
                    number(p.low()),
                    number(p.high()),
                    unit);
        }
        String sign = p.estimate() > 0 ? "increase" : "decrease";
        return Math.abs(p.estimate()) == 1.0
                ? sign
                : sign + ", " + number(p.estimate()) + " " + unit;
    }

    static String kindWords(Published.Kind kind) {
        return switch (kind) {
            case CI95 -> "95 % CI";
            case RANGE -> "range across settings";
            case NULL_REGION -> "null: the region of effects the study rules in";
            case DIRECTION -> "direction only";
        };
    }

    /** A number with three significant digits, without exponent for everyday magnitudes. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100 || a == 0) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
