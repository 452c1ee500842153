package org.feedlab.simulator;

/**
 * Parameters of the synthetic society. Every field has a default in {@link #defaults()}; a scenario
 * file overrides any subset. docs/MODEL.md gives each parameter's equation and source.
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
 * @param ideologyDims dimensions d of ideology and stance (1 = the left–right axis only); metrics
 *     read the first dimension
 * @param youngShare share of users in the "young" segment (the rest are "adult")
 * @param youngSusceptibility multiplier of outrage appetite, anger per outrage, opinion steps and
 *     thermometer changes for young users
 * @param youngActivity multiplier of the opening probability for young users
 * @param sessionBudget mean seconds a user is willing to spend per session (time budget)
 * @param boredom weight of accumulated boredom in the continue probability
 * @param surveyRate share of examined items on which the user is asked "was this worth your time?"
 * @param statedQuality mean stated weight on quality
 * @param statedCalm mean stated weight on calm (absence of outrage)
 * @param statedVariety mean stated weight on variety of viewpoints
 * @param satisfactionMemory weight of the latest session in the satisfaction moving average
 * @param returnSensitivity how strongly recent satisfaction moves the return probability
 * @param satisfactionReference satisfaction at which the return probability equals the activity
 * @param churnThreshold sessions with satisfaction below this count as unsatisfied
 * @param churnPatience consecutive unsatisfied sessions after which a user leaves for good
 * @param creatorLearning whether creators' outrage propensity learns from engagement
 * @param creatorLearningRate step of the creators' reinforcement learning of outrage
 * @param creatorNormPull pull of a creator's propensity toward the mean of its neighbourhood
 * @param userFollowsPerUser other users each user follows at creation
 * @param followRate probability of following the author after engaging with an unfollowed one
 * @param unfollowRate probability of unfollowing the author after hiding a followed one's post
 * @param arousalPull how much an item's outrage drive adds to its pull on further scrolling
 * @param absorption share of the seconds spent on an engaging item that the user does not count
 *     against the session's time budget
 * @param habitWeight how strongly the habit (recent share of engaging items) moves the return
 *     probability
 * @param habitReference habit at which it leaves the return probability unchanged; every user's
 *     habit starts there
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
        double classifierNoise,
        int ideologyDims,
        double youngShare,
        double youngSusceptibility,
        double youngActivity,
        double sessionBudget,
        double boredom,
        double surveyRate,
        double statedQuality,
        double statedCalm,
        double statedVariety,
        double satisfactionMemory,
        double returnSensitivity,
        double satisfactionReference,
        double churnThreshold,
        int churnPatience,
        boolean creatorLearning,
        double creatorLearningRate,
        double creatorNormPull,
        int userFollowsPerUser,
        double followRate,
        double unfollowRate,
        double arousalPull,
        double absorption,
        double habitWeight,
        double habitReference) {

    /** Defaults used when a scenario leaves a field out. */
    public static SocietyConfig defaults() {
        return new SocietyConfig(
                2000, 200, 8, 25, 3.0, 0.5, 0.6, 20, 0.3, 1.0, 1.5, 0.35, 0.5, 2.5, 0.5, 0.01, 0.01,
                0.4, 0.2, 0.3, 0.1, 1, 0.2, 1.5, 1.3, 90.0, 0.1, 0.05, 0.4, 0.35, 0.25, 0.3, 0.5,
                0.55, 0.25, 5, true, 0.1, 0.02, 5, 0.1, 0.3, 0.3, 0.5, 1.0, 0.3);
    }
}
