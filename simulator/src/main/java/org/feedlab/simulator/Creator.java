package org.feedlab.simulator;

/**
 * A creator: a news, commentary or popular account. A political creator has a camp, an ideology, a
 * hostility propensity that learns from the feedback its posts receive (Brady et al. 2021) and
 * possibly an untrustworthy flag; a non-political creator posts on its main topic. Every creator
 * has a latent style around which its posts vary. Hidden from the platform.
 */
public final class Creator {
    private final int id;
    private final int camp;
    private final double ideology;
    private final double[] extraIdeology;
    private final int topic;
    private final double quality;
    private final double[] style;
    private final double postRate;
    private final boolean untrustworthy;
    final Propensity propensity;

    /**
     * @param id account id
     * @param camp −1 or +1 for a political creator, 0 otherwise
     * @param ideology ideology in [-1, 1] on the first axis (0 for a non-political creator)
     * @param extraIdeology ideology on the further axes
     * @param topic the main topic ({@link Content#POLITICS} for a political creator)
     * @param quality mean quality of the posts in [0, 1]
     * @param style latent style
     * @param postRate mean posts per day
     * @param untrustworthy whether the creator is an untrustworthy source
     * @param hostility initial hostility propensity in [0, 1]
     */
    Creator(
            int id,
            int camp,
            double ideology,
            double[] extraIdeology,
            int topic,
            double quality,
            double[] style,
            double postRate,
            boolean untrustworthy,
            double hostility) {
        this.id = id;
        this.camp = camp;
        this.ideology = ideology;
        this.extraIdeology = extraIdeology;
        this.topic = topic;
        this.quality = quality;
        this.style = style;
        this.postRate = postRate;
        this.untrustworthy = untrustworthy;
        this.propensity = new Propensity(hostility);
    }

    public int id() {
        return id;
    }

    /** The creator's camp: −1 or +1 if political, 0 otherwise. */
    public int camp() {
        return camp;
    }

    /** Whether the creator is political. */
    public boolean political() {
        return camp != 0;
    }

    /** Ideology in [-1, 1] on the first axis. */
    public double ideology() {
        return ideology;
    }

    double[] extraIdeology() {
        return extraIdeology;
    }

    /** The main topic. */
    public int topic() {
        return topic;
    }

    /** Mean quality of their posts in [0, 1]. */
    public double quality() {
        return quality;
    }

    double[] style() {
        return style;
    }

    /** Mean posts per day. */
    public double postRate() {
        return postRate;
    }

    /** Whether the creator is an untrustworthy source. */
    public boolean untrustworthy() {
        return untrustworthy;
    }

    /** Current hostility propensity in [0, 1] (the mean hostility of its political posts). */
    public double outragePropensity() {
        return propensity.value;
    }
}
