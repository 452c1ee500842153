package org.feedlab.simulator;

/**
 * Parameters of the synthetic society, grouped by concern. Each group holds its defaults in one
 * place ({@code DEFAULTS}, built from its named constants) and has a {@code with…} copy method per
 * field, so a variant reads {@code config.withAffect(config.affect().withAngerTolerance(8.0))}.
 * docs/MODEL.md gives each parameter's equation and source; scenario files set them with flat keys
 * (docs/SCENARIOS.md).
 *
 * @param population how many users, creators and topics, and how ideology is drawn
 * @param youth the "young" segment: its share and multipliers
 * @param follows the follow graph at creation and its evolution
 * @param reading feeds and sessions: size, time budget, scrolling, surveys
 * @param affect outrage appetite, anger and feeling thermometers
 * @param opinion opinion dynamics (bounded confidence and repulsion)
 * @param statedPreferences what users say they value
 * @param retention opening the app, satisfaction memory, habit and churn
 * @param creators posting and the creators' learning of outrage
 * @param observation what the platform sees of a post
 */
public record SocietyConfig(
        Population population,
        Youth youth,
        Follows follows,
        Reading reading,
        Affect affect,
        Opinion opinion,
        StatedPreferences statedPreferences,
        Retention retention,
        Creators creators,
        Observation observation) {

    /** Every group at its defaults: what a scenario gets for the fields it leaves out. */
    public static final SocietyConfig DEFAULTS =
            new SocietyConfig(
                    Population.DEFAULTS,
                    Youth.DEFAULTS,
                    Follows.DEFAULTS,
                    Reading.DEFAULTS,
                    Affect.DEFAULTS,
                    Opinion.DEFAULTS,
                    StatedPreferences.DEFAULTS,
                    Retention.DEFAULTS,
                    Creators.DEFAULTS,
                    Observation.DEFAULTS);

    public SocietyConfig withPopulation(Population p) {
        return new SocietyConfig(
                p,
                youth,
                follows,
                reading,
                affect,
                opinion,
                statedPreferences,
                retention,
                creators,
                observation);
    }

    public SocietyConfig withYouth(Youth y) {
        return new SocietyConfig(
                population,
                y,
                follows,
                reading,
                affect,
                opinion,
                statedPreferences,
                retention,
                creators,
                observation);
    }

    public SocietyConfig withFollows(Follows f) {
        return new SocietyConfig(
                population,
                youth,
                f,
                reading,
                affect,
                opinion,
                statedPreferences,
                retention,
                creators,
                observation);
    }

    public SocietyConfig withReading(Reading r) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                r,
                affect,
                opinion,
                statedPreferences,
                retention,
                creators,
                observation);
    }

    public SocietyConfig withAffect(Affect a) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                a,
                opinion,
                statedPreferences,
                retention,
                creators,
                observation);
    }

    public SocietyConfig withOpinion(Opinion o) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                affect,
                o,
                statedPreferences,
                retention,
                creators,
                observation);
    }

    public SocietyConfig withStatedPreferences(StatedPreferences s) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                affect,
                opinion,
                s,
                retention,
                creators,
                observation);
    }

    public SocietyConfig withRetention(Retention r) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                affect,
                opinion,
                statedPreferences,
                r,
                creators,
                observation);
    }

    public SocietyConfig withCreators(Creators c) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                affect,
                opinion,
                statedPreferences,
                retention,
                c,
                observation);
    }

    public SocietyConfig withObservation(Observation o) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                affect,
                opinion,
                statedPreferences,
                retention,
                creators,
                o);
    }

    /**
     * Who lives in the society.
     *
     * @param users number of users
     * @param creators number of creators
     * @param topics number of topics K
     * @param ideologyDims dimensions d of ideology and stance (1 = the left–right axis only);
     *     metrics read the first dimension
     * @param ideologySpread standard deviation of each ideological camp around its centre
     */
    public record Population(
            int users, int creators, int topics, int ideologyDims, double ideologySpread) {
        public static final int USERS = 2000;
        public static final int CREATORS = 200;
        public static final int TOPICS = 8;
        public static final int IDEOLOGY_DIMS = 1;
        public static final double IDEOLOGY_SPREAD = 0.3;

        public static final Population DEFAULTS =
                new Population(USERS, CREATORS, TOPICS, IDEOLOGY_DIMS, IDEOLOGY_SPREAD);

        public Population withUsers(int v) {
            return new Population(v, creators, topics, ideologyDims, ideologySpread);
        }

        public Population withCreators(int v) {
            return new Population(users, v, topics, ideologyDims, ideologySpread);
        }

        public Population withTopics(int v) {
            return new Population(users, creators, v, ideologyDims, ideologySpread);
        }

        public Population withIdeologyDims(int v) {
            return new Population(users, creators, topics, v, ideologySpread);
        }

        public Population withIdeologySpread(double v) {
            return new Population(users, creators, topics, ideologyDims, v);
        }
    }

    /**
     * The "young" segment (the rest of the users are "adult").
     *
     * @param share share of users in the segment
     * @param susceptibility multiplier of outrage appetite, anger per outrage, opinion steps and
     *     thermometer changes for young users
     * @param activityFactor multiplier of the opening probability for young users
     */
    public record Youth(double share, double susceptibility, double activityFactor) {
        public static final double SHARE = 0.2;
        public static final double SUSCEPTIBILITY = 1.5;
        public static final double ACTIVITY_FACTOR = 1.3;

        public static final Youth DEFAULTS = new Youth(SHARE, SUSCEPTIBILITY, ACTIVITY_FACTOR);

        public Youth withShare(double v) {
            return new Youth(v, susceptibility, activityFactor);
        }

        public Youth withSusceptibility(double v) {
            return new Youth(share, v, activityFactor);
        }

        public Youth withActivityFactor(double v) {
            return new Youth(share, susceptibility, v);
        }
    }

    /**
     * The follow graph: built with homophily at creation, then evolving with engagement.
     *
     * @param creatorFollowsPerUser creators each user follows at creation
     * @param userFollowsPerUser other users each user follows at creation
     * @param homophily strength of ideological homophily in follow creation (0 = none)
     * @param followRate probability of following the author after engaging with an unfollowed one
     * @param unfollowRate probability of unfollowing the author after hiding a followed one's post
     */
    public record Follows(
            int creatorFollowsPerUser,
            int userFollowsPerUser,
            double homophily,
            double followRate,
            double unfollowRate) {
        public static final int CREATOR_FOLLOWS_PER_USER = 25;
        public static final int USER_FOLLOWS_PER_USER = 5;
        public static final double HOMOPHILY = 3.0;
        public static final double FOLLOW_RATE = 0.1;
        public static final double UNFOLLOW_RATE = 0.3;

        public static final Follows DEFAULTS =
                new Follows(
                        CREATOR_FOLLOWS_PER_USER,
                        USER_FOLLOWS_PER_USER,
                        HOMOPHILY,
                        FOLLOW_RATE,
                        UNFOLLOW_RATE);

        public Follows withCreatorFollowsPerUser(int v) {
            return new Follows(v, userFollowsPerUser, homophily, followRate, unfollowRate);
        }

        public Follows withUserFollowsPerUser(int v) {
            return new Follows(creatorFollowsPerUser, v, homophily, followRate, unfollowRate);
        }

        public Follows withHomophily(double v) {
            return new Follows(
                    creatorFollowsPerUser, userFollowsPerUser, v, followRate, unfollowRate);
        }

        public Follows withFollowRate(double v) {
            return new Follows(
                    creatorFollowsPerUser, userFollowsPerUser, homophily, v, unfollowRate);
        }

        public Follows withUnfollowRate(double v) {
            return new Follows(creatorFollowsPerUser, userFollowsPerUser, homophily, followRate, v);
        }
    }

    /**
     * Feeds and sessions: how much a user is shown, how long they are willing to read, and what
     * keeps them scrolling.
     *
     * @param feedSize items per feed
     * @param sessionBudget mean seconds a user is willing to spend per session (time budget)
     * @param boredom weight of accumulated boredom in the continue probability
     * @param arousalPull how much an item's outrage drive adds to its pull on further scrolling
     * @param absorption share of the seconds spent on an engaging item that the user does not count
     *     against the session's time budget
     * @param surveyRate share of examined items on which the user is asked "was this worth your
     *     time?"
     */
    public record Reading(
            int feedSize,
            double sessionBudget,
            double boredom,
            double arousalPull,
            double absorption,
            double surveyRate) {
        public static final int FEED_SIZE = 20;
        public static final double SESSION_BUDGET = 90.0;
        public static final double BOREDOM = 0.1;
        public static final double AROUSAL_PULL = 0.3;
        public static final double ABSORPTION = 0.5;
        public static final double SURVEY_RATE = 0.05;

        public static final Reading DEFAULTS =
                new Reading(
                        FEED_SIZE, SESSION_BUDGET, BOREDOM, AROUSAL_PULL, ABSORPTION, SURVEY_RATE);

        public Reading withFeedSize(int v) {
            return new Reading(v, sessionBudget, boredom, arousalPull, absorption, surveyRate);
        }

        public Reading withSessionBudget(double v) {
            return new Reading(feedSize, v, boredom, arousalPull, absorption, surveyRate);
        }

        public Reading withBoredom(double v) {
            return new Reading(feedSize, sessionBudget, v, arousalPull, absorption, surveyRate);
        }

        public Reading withArousalPull(double v) {
            return new Reading(feedSize, sessionBudget, boredom, v, absorption, surveyRate);
        }

        public Reading withAbsorption(double v) {
            return new Reading(feedSize, sessionBudget, boredom, arousalPull, v, surveyRate);
        }

        public Reading withSurveyRate(double v) {
            return new Reading(feedSize, sessionBudget, boredom, arousalPull, absorption, v);
        }
    }

    /**
     * Outrage appetite, anger and the feeling thermometers.
     *
     * @param outrageAppetite mean outrage appetite (how much outrage raises engagement)
     * @param outgroupBoost multiplier of appetite when outrage targets the reader's out-group
     * @param angerPerOutrage anger added by reading an out-group outrage item of outrage 1
     * @param angerDecay share of anger kept from one tick to the next
     * @param angerTolerance mean anger above which a user closes the app
     * @param thermometerDrop out-group thermometer points lost per hostile out-group item
     * @param thermometerGain out-group thermometer points gained per calm cross-cutting item
     */
    public record Affect(
            double outrageAppetite,
            double outgroupBoost,
            double angerPerOutrage,
            double angerDecay,
            double angerTolerance,
            double thermometerDrop,
            double thermometerGain) {
        public static final double OUTRAGE_APPETITE = 1.0;
        public static final double OUTGROUP_BOOST = 1.5;
        public static final double ANGER_PER_OUTRAGE = 0.35;
        public static final double ANGER_DECAY = 0.5;
        public static final double ANGER_TOLERANCE = 2.5;
        public static final double THERMOMETER_DROP = 0.4;
        public static final double THERMOMETER_GAIN = 0.2;

        public static final Affect DEFAULTS =
                new Affect(
                        OUTRAGE_APPETITE,
                        OUTGROUP_BOOST,
                        ANGER_PER_OUTRAGE,
                        ANGER_DECAY,
                        ANGER_TOLERANCE,
                        THERMOMETER_DROP,
                        THERMOMETER_GAIN);

        public Affect withOutrageAppetite(double v) {
            return new Affect(
                    v,
                    outgroupBoost,
                    angerPerOutrage,
                    angerDecay,
                    angerTolerance,
                    thermometerDrop,
                    thermometerGain);
        }

        public Affect withOutgroupBoost(double v) {
            return new Affect(
                    outrageAppetite,
                    v,
                    angerPerOutrage,
                    angerDecay,
                    angerTolerance,
                    thermometerDrop,
                    thermometerGain);
        }

        public Affect withAngerPerOutrage(double v) {
            return new Affect(
                    outrageAppetite,
                    outgroupBoost,
                    v,
                    angerDecay,
                    angerTolerance,
                    thermometerDrop,
                    thermometerGain);
        }

        public Affect withAngerDecay(double v) {
            return new Affect(
                    outrageAppetite,
                    outgroupBoost,
                    angerPerOutrage,
                    v,
                    angerTolerance,
                    thermometerDrop,
                    thermometerGain);
        }

        public Affect withAngerTolerance(double v) {
            return new Affect(
                    outrageAppetite,
                    outgroupBoost,
                    angerPerOutrage,
                    angerDecay,
                    v,
                    thermometerDrop,
                    thermometerGain);
        }

        public Affect withThermometerDrop(double v) {
            return new Affect(
                    outrageAppetite,
                    outgroupBoost,
                    angerPerOutrage,
                    angerDecay,
                    angerTolerance,
                    v,
                    thermometerGain);
        }

        public Affect withThermometerGain(double v) {
            return new Affect(
                    outrageAppetite,
                    outgroupBoost,
                    angerPerOutrage,
                    angerDecay,
                    angerTolerance,
                    thermometerDrop,
                    v);
        }
    }

    /**
     * Opinion dynamics: assimilation within the latitude of acceptance, repulsion beyond it.
     *
     * @param latitude latitude of acceptance: stance distance within which users assimilate
     * @param assimilation opinion step toward accepted content per item read
     * @param repulsion opinion step away from hostile out-group content beyond the latitude
     */
    public record Opinion(double latitude, double assimilation, double repulsion) {
        public static final double LATITUDE = 0.5;
        public static final double ASSIMILATION = 0.01;
        public static final double REPULSION = 0.01;

        public static final Opinion DEFAULTS = new Opinion(LATITUDE, ASSIMILATION, REPULSION);

        public Opinion withLatitude(double v) {
            return new Opinion(v, assimilation, repulsion);
        }

        public Opinion withAssimilation(double v) {
            return new Opinion(latitude, v, repulsion);
        }

        public Opinion withRepulsion(double v) {
            return new Opinion(latitude, assimilation, v);
        }
    }

    /**
     * What users say they value, as mean weights (each user's are drawn around them and normalised
     * to sum 1).
     *
     * @param quality mean stated weight on quality
     * @param calm mean stated weight on calm (absence of outrage)
     * @param variety mean stated weight on variety of viewpoints
     */
    public record StatedPreferences(double quality, double calm, double variety) {
        public static final double QUALITY = 0.4;
        public static final double CALM = 0.35;
        public static final double VARIETY = 0.25;

        public static final StatedPreferences DEFAULTS =
                new StatedPreferences(QUALITY, CALM, VARIETY);

        public StatedPreferences withQuality(double v) {
            return new StatedPreferences(v, calm, variety);
        }

        public StatedPreferences withCalm(double v) {
            return new StatedPreferences(quality, v, variety);
        }

        public StatedPreferences withVariety(double v) {
            return new StatedPreferences(quality, calm, v);
        }
    }

    /**
     * Coming back: the opening probability, moved by recent satisfaction and by habit, and churn.
     *
     * @param activity mean probability that a user opens the app in a tick
     * @param satisfactionMemory weight of the latest session in the satisfaction and habit moving
     *     averages
     * @param returnSensitivity how strongly recent satisfaction moves the return probability
     * @param satisfactionReference satisfaction at which the return probability equals the activity
     * @param churnThreshold sessions with satisfaction below this count as unsatisfied
     * @param churnPatience consecutive unsatisfied sessions after which a user leaves for good
     * @param habitWeight how strongly the habit (recent share of engaging items) moves the return
     *     probability
     * @param habitReference habit at which it leaves the return probability unchanged; every user's
     *     habit starts there
     */
    public record Retention(
            double activity,
            double satisfactionMemory,
            double returnSensitivity,
            double satisfactionReference,
            double churnThreshold,
            int churnPatience,
            double habitWeight,
            double habitReference) {
        public static final double ACTIVITY = 0.5;
        public static final double SATISFACTION_MEMORY = 0.3;
        public static final double RETURN_SENSITIVITY = 0.5;
        public static final double SATISFACTION_REFERENCE = 0.55;
        public static final double CHURN_THRESHOLD = 0.25;
        public static final int CHURN_PATIENCE = 5;
        public static final double HABIT_WEIGHT = 1.0;
        public static final double HABIT_REFERENCE = 0.3;

        public static final Retention DEFAULTS =
                new Retention(
                        ACTIVITY,
                        SATISFACTION_MEMORY,
                        RETURN_SENSITIVITY,
                        SATISFACTION_REFERENCE,
                        CHURN_THRESHOLD,
                        CHURN_PATIENCE,
                        HABIT_WEIGHT,
                        HABIT_REFERENCE);

        public Retention withActivity(double v) {
            return new Retention(
                    v,
                    satisfactionMemory,
                    returnSensitivity,
                    satisfactionReference,
                    churnThreshold,
                    churnPatience,
                    habitWeight,
                    habitReference);
        }

        public Retention withSatisfactionMemory(double v) {
            return new Retention(
                    activity,
                    v,
                    returnSensitivity,
                    satisfactionReference,
                    churnThreshold,
                    churnPatience,
                    habitWeight,
                    habitReference);
        }

        public Retention withReturnSensitivity(double v) {
            return new Retention(
                    activity,
                    satisfactionMemory,
                    v,
                    satisfactionReference,
                    churnThreshold,
                    churnPatience,
                    habitWeight,
                    habitReference);
        }

        public Retention withSatisfactionReference(double v) {
            return new Retention(
                    activity,
                    satisfactionMemory,
                    returnSensitivity,
                    v,
                    churnThreshold,
                    churnPatience,
                    habitWeight,
                    habitReference);
        }

        public Retention withChurnThreshold(double v) {
            return new Retention(
                    activity,
                    satisfactionMemory,
                    returnSensitivity,
                    satisfactionReference,
                    v,
                    churnPatience,
                    habitWeight,
                    habitReference);
        }

        public Retention withChurnPatience(int v) {
            return new Retention(
                    activity,
                    satisfactionMemory,
                    returnSensitivity,
                    satisfactionReference,
                    churnThreshold,
                    v,
                    habitWeight,
                    habitReference);
        }

        public Retention withHabitWeight(double v) {
            return new Retention(
                    activity,
                    satisfactionMemory,
                    returnSensitivity,
                    satisfactionReference,
                    churnThreshold,
                    churnPatience,
                    v,
                    habitReference);
        }

        public Retention withHabitReference(double v) {
            return new Retention(
                    activity,
                    satisfactionMemory,
                    returnSensitivity,
                    satisfactionReference,
                    churnThreshold,
                    churnPatience,
                    habitWeight,
                    v);
        }
    }

    /**
     * The supply side: how often creators post and how their outrage propensity learns.
     *
     * @param postRate mean posts per creator per tick
     * @param outrage mean outrage propensity of creators at creation
     * @param learning whether creators' outrage propensity learns from engagement
     * @param learningRate step of the creators' reinforcement learning of outrage
     * @param normPull pull of a creator's propensity toward the mean of its neighbourhood
     */
    public record Creators(
            double postRate,
            double outrage,
            boolean learning,
            double learningRate,
            double normPull) {
        public static final double POST_RATE = 0.6;
        public static final double OUTRAGE = 0.3;
        public static final boolean LEARNING = true;
        public static final double LEARNING_RATE = 0.1;
        public static final double NORM_PULL = 0.02;

        public static final Creators DEFAULTS =
                new Creators(POST_RATE, OUTRAGE, LEARNING, LEARNING_RATE, NORM_PULL);

        public Creators withPostRate(double v) {
            return new Creators(v, outrage, learning, learningRate, normPull);
        }

        public Creators withOutrage(double v) {
            return new Creators(postRate, v, learning, learningRate, normPull);
        }

        public Creators withLearning(boolean v) {
            return new Creators(postRate, outrage, v, learningRate, normPull);
        }

        public Creators withLearningRate(double v) {
            return new Creators(postRate, outrage, learning, v, normPull);
        }

        public Creators withNormPull(double v) {
            return new Creators(postRate, outrage, learning, learningRate, v);
        }
    }

    /**
     * What the platform observes of a post: its outrage only through a noisy classifier.
     *
     * @param classifierNoise standard deviation of the platform's outrage classifier noise
     */
    public record Observation(double classifierNoise) {
        public static final double CLASSIFIER_NOISE = 0.1;

        public static final Observation DEFAULTS = new Observation(CLASSIFIER_NOISE);

        public Observation withClassifierNoise(double v) {
            return new Observation(v);
        }
    }
}
