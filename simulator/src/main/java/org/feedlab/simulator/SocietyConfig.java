package org.feedlab.simulator;

/**
 * Parameters of the synthetic society. Every field has a default in {@link #defaults()}; a
 * scenario file overrides any subset. docs/MODEL.md gives each parameter's equation and source.
 *
 * @param users number of users
 * @param creators number of creators
 * @param topics number of topics K
 * @param followsPerUser creators each user follows at creation
 * @param homophily strength of ideological homophily in follow creation (0 = none)
 * @param activity mean probability that a user opens the app in a tick
 * @param postRate mean posts per creator per tick
 * @param feedSize items per feed
 * @param ideologySpread standard deviation of each ideological camp around its centre
 * @param outrageAppetite mean outrage appetite (how much outrage raises engagement)
 * @param outgroupBoost multiplier of appetite when outrage targets the reader's out-group
 * @param angerPerOutrage anger added by reading an out-group outrage item of outrage 1
 * @param angerDecay share of anger kept from one tick to the next
 * @param angerTolerance mean anger above which a user closes the app
 * @param latitude latitude of acceptance: stance distance within which users assimilate
 * @param assimilation opinion step toward accepted content per item read
 * @param repulsion opinion step away from hostile out-group content beyond the latitude
 * @param thermometerDrop out-group thermometer points lost per hostile out-group item
 * @param thermometerGain out-group thermometer points gained per calm cross-cutting item
 * @param creatorOutrage mean outrage propensity of creators
 * @param classifierNoise standard deviation of the platform's outrage classifier noise
 */
public record SocietyConfig(
        int users,
        int creators,
        int topics,
        int followsPerUser,
        double homophily,
        double activity,
        double postRate,
        int feedSize,
        double ideologySpread,
        double outrageAppetite,
        double outgroupBoost,
        double angerPerOutrage,
        double angerDecay,
        double angerTolerance,
        double latitude,
        double assimilation,
        double repulsion,
        double thermometerDrop,
        double thermometerGain,
        double creatorOutrage,
        double classifierNoise) {

    /** Defaults used when a scenario leaves a field out. */
    public static SocietyConfig defaults() {
        return new SocietyConfig(
                2000, 200, 8, 25, 3.0, 0.5, 0.6, 20, 0.3, 1.0, 1.5, 0.35, 0.5, 2.5, 0.5, 0.01,
                0.01, 0.4, 0.2, 0.3, 0.1);
    }
}
