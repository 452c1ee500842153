package org.feedlab.simulator;

/**
 * A posting account's hostility propensity (the mean hostility of its political posts) and the
 * moving baseline of the feedback it learns against (Brady et al. 2021; {@link OutrageLearning}).
 * Creators and users each hold one: every posting account learns.
 */
final class Propensity {
    /** Mean hostility of the account's political posts, in [0, 1]. */
    double value;

    /** Moving baseline of the log feedback a political post of the account receives per day. */
    double rewardBaseline = Double.NaN;

    Propensity(double value) {
        this.value = value;
    }
}
