package org.feedlab.simulator;

import java.util.Arrays;

/**
 * A creator: ideology, main topic, quality, and how outrageous their posts tend to be. The
 * propensity is the supply side's state: it learns from the engagement the creator's posts receive
 * (Brady et al. 2021), so it is mutable.
 */
public final class Creator {
    private final int id;
    private final double ideology;
    private final double[] extraIdeology;
    private final int topic;
    private final double quality;
    double outragePropensity;

    /** Moving baseline of the log engagement a post of this creator receives per tick. */
    double rewardBaseline = Double.NaN;

    public Creator(int id, double ideology, int topic, double quality, double outragePropensity) {
        this(id, ideology, new double[0], topic, quality, outragePropensity);
    }

    Creator(
            int id,
            double ideology,
            double[] extraIdeology,
            int topic,
            double quality,
            double outragePropensity) {
        this.id = id;
        this.ideology = ideology;
        this.extraIdeology = extraIdeology;
        this.topic = topic;
        this.quality = quality;
        this.outragePropensity = outragePropensity;
    }

    public int id() {
        return id;
    }

    /** Ideology in [-1, 1] on the first axis. */
    public double ideology() {
        return ideology;
    }

    double[] extraIdeology() {
        return extraIdeology;
    }

    public int topic() {
        return topic;
    }

    /** Mean quality of their posts in [0, 1]. */
    public double quality() {
        return quality;
    }

    /** Current mean outrage of their posts in [0, 1]. */
    public double outragePropensity() {
        return outragePropensity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Creator c
                && c.id == id
                && c.ideology == ideology
                && c.topic == topic
                && c.quality == quality
                && c.outragePropensity == outragePropensity
                && Arrays.equals(c.extraIdeology, extraIdeology);
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(id) * 31 + Double.hashCode(outragePropensity);
    }

    @Override
    public String toString() {
        return "Creator["
                + id
                + ", x="
                + ideology
                + ", topic="
                + topic
                + ", q="
                + quality
                + ", o="
                + outragePropensity
                + "]";
    }
}
