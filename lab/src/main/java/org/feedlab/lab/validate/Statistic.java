package org.feedlab.lab.validate;

/**
 * The statistic a finding reports, computed per seed from the treated and control groups' means of
 * a metric over the measurement window ({@code t}, {@code c}) and, for standardized effects, the
 * control group's standard deviation across users ({@code sd}).
 */
public enum Statistic {
    /** t − c, in the metric's unit. */
    DIFFERENCE("difference") {
        @Override
        public double of(double t, double c, double sd) {
            return t - c;
        }
    },
    /** 100 · (t / c − 1): the change in percent of the control level. */
    PERCENT_CHANGE("percent change") {
        @Override
        public double of(double t, double c, double sd) {
            return 100.0 * (t / c - 1.0);
        }
    },
    /** t / c. */
    RATIO("ratio") {
        @Override
        public double of(double t, double c, double sd) {
            return t / c;
        }
    },
    /** (t − c) / sd: the difference in standard deviations of the control group (Glass's Δ). */
    SD_UNITS("difference in control SDs") {
        @Override
        public double of(double t, double c, double sd) {
            return (t - c) / sd;
        }
    },
    /** t alone: the metric is itself the study's statistic (an amplification ratio, a slope). */
    VALUE("value") {
        @Override
        public double of(double t, double c, double sd) {
            return t;
        }
    };

    private final String words;

    Statistic(String words) {
        this.words = words;
    }

    /** The statistic from the treated mean, the control mean and the control SD. */
    public abstract double of(double t, double c, double sd);

    /** How the suite names it. */
    public String words() {
        return words;
    }

    /** Whether it reads a control group at all. */
    public boolean needsControl() {
        return this != VALUE;
    }
}
