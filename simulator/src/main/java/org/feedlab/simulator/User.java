package org.feedlab.simulator;

/**
 * A user's hidden state: what the platform never sees.
 *
 * <p>Mutable: the society updates it in place as the user reads.
 */
public final class User {
    final int id;
    /** Ideology x in [-1, 1]. */
    double ideology;
    /** Interest per topic in [0, 1], the favourite topic at 1. */
    final double[] topicInterest;
    /** Probability of opening the app in a tick. */
    final double activity;
    /** How much outrage raises this user's engagement. */
    final double outrageAppetite;
    /** Anger above which the user closes the app. */
    final double angerTolerance;
    /** Current anger; decays between ticks. */
    double anger;
    /** Feeling thermometer toward the out-group, 0 (cold) to 100 (warm). */
    double thermometer;
    /** Creators followed, ascending. */
    int[] following;

    User(
            int id,
            double ideology,
            double[] topicInterest,
            double activity,
            double outrageAppetite,
            double angerTolerance,
            double thermometer) {
        this.id = id;
        this.ideology = ideology;
        this.topicInterest = topicInterest;
        this.activity = activity;
        this.outrageAppetite = outrageAppetite;
        this.angerTolerance = angerTolerance;
        this.thermometer = thermometer;
        this.following = new int[0];
    }

    public int id() {
        return id;
    }

    public double ideology() {
        return ideology;
    }

    public double thermometer() {
        return thermometer;
    }

    public double anger() {
        return anger;
    }

    /** Which side of the divide the user is on: −1 or +1. */
    public int side() {
        return ideology < 0 ? -1 : 1;
    }
}
