package org.feedlab.lab.validate;

/**
 * How FeedLab's estimate compares with a published one.
 *
 * <ul>
 *   <li>{@link #INSIDE}: the point estimate lies inside the published interval;
 *   <li>{@link #DIRECTION}: outside the interval (or there is none), but of the published sign;
 *   <li>{@link #WRONG}: of the other sign, or zero where the study found an effect, or outside a
 *       published null region (a null has no direction to get right).
 * </ul>
 */
public enum Verdict {
    INSIDE("inside the interval"),
    DIRECTION("right direction only"),
    WRONG("wrong");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The words the suite prints. */
    public String label() {
        return label;
    }

    /** The verdict on {@code estimate} (NaN: wrong, nothing was measured). */
    public static Verdict judge(Published published, double estimate) {
        if (!Double.isFinite(estimate)) {
            return WRONG;
        }
        if (published.contains(estimate)) {
            return INSIDE;
        }
        if (published.kind() == Published.Kind.NULL_REGION) {
            return WRONG;
        }
        double sign = Math.signum(published.estimate());
        return sign != 0 && Math.signum(estimate) == sign ? DIRECTION : WRONG;
    }
}
