package org.feedlab.lab.validate;

/**
 * A published estimate and what its interval means.
 *
 * @param estimate the point estimate, in the finding's unit
 * @param low lower end of the interval (for {@link Kind#DIRECTION}: NaN)
 * @param high upper end of the interval (for {@link Kind#DIRECTION}: NaN)
 * @param kind what the interval is
 * @param source whether the figure is read from the paper itself, from a secondary account, or
 *     recomputed from the paper's tables
 * @param note where in the source, and any conversion made
 */
public record Published(
        double estimate, double low, double high, Kind kind, Source source, String note) {

    /** What a published interval is. */
    public enum Kind {
        /** A 95 % confidence interval reported (or recomputed) for the estimate. */
        CI95,
        /** The range of estimates across settings of one study (countries, platforms, parties). */
        RANGE,
        /** A precisely estimated null: the interval is the region of effects the study rules in. */
        NULL_REGION,
        /** Only a sign is published; there is no interval to land inside. */
        DIRECTION;

        /** Whether the finding counts among those with an interval. */
        public boolean hasInterval() {
            return this != DIRECTION;
        }
    }

    /** Where a figure comes from. */
    public enum Source {
        PRIMARY,
        SECONDARY,
        RECOMPUTED
    }

    public Published {
        if (kind.hasInterval() && !(low <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "]");
        }
    }

    /** Whether {@code value} lies inside the published interval (ends included). */
    public boolean contains(double value) {
        return kind.hasInterval() && value >= low && value <= high;
    }
}
