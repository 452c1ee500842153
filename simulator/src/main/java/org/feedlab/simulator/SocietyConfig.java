package org.feedlab.simulator;

/**
 * Parameters of the synthetic society, grouped by concern. Each group holds its defaults in one
 * place ({@code DEFAULTS}, built from its named constants) and has a {@code with…} copy method per
 * field, so a variant reads {@code config.withAffect(config.affect().withAngerThreshold(8.0))}.
 * docs/MODEL.md gives each parameter's equation and source; scenario files set them with flat keys
 * (docs/SCENARIOS.md). The defaults are the reference population of docs/CALIBRATION.md.
 *
 * @param population who lives in the society
 * @param youth the "young" segment (the rest of the users are "adult")
 * @param follows the follow graph: built with camp homophily at creation, then evolving with
 *     engagement and follow-backs
 * @param reading the day's feed and its sessions: how many, how long, what keeps a reader scrolling
 * @param interest what makes an item interesting to a reader: u = β_t (p · s) + β_k I_topic + β_q q
 *     + in-network bonus
 * @param actions base logits of the actions on an examined item (calibrated to per-impression
 *     rates) and the negativity term of clicks
 * @param partisanship how the side of a political item and its hostility change what a reader does:
 *     the latitude zones of social judgment theory and the co-partisan boost of out-group animosity
 * @param affect appetite for hostility, anger and the rare anger exits
 * @param thermometer feeling thermometers toward the out-party and the in-party: per-item doses,
 *     daily decay toward a baseline, initial distributions
 * @param opinion issue opinions under social judgment theory: latitudes, assimilation and contrast,
 *     reversion to an anchor
 * @param statedPreferences what users say they value, as mean weights (each user's are drawn around
 *     them and normalised to sum 1)
 * @param retention coming back each day: the opening probability, moved by recent satisfaction and
 *     habit, and churn
 * @param posting who posts how much and how hostile, and how the hostility of every posting account
 *     learns from feedback
 * @param observation what the platform observes of a post: its hostility only through a noisy
 *     classifier
 * @param deactivation the deactivation experiment: a treated share of users stays off the app for a
 *     number of days (off by default)
 * @param crossFollows the cross-cutting follows experiment: a treated share of users follows
 *     accounts of the other camp (off by default)
 */
public record SocietyConfig(
        Population population,
        Youth youth,
        Follows follows,
        Reading reading,
        Interest interest,
        Actions actions,
        Partisanship partisanship,
        Affect affect,
        Thermometer thermometer,
        Opinion opinion,
        StatedPreferences statedPreferences,
        Retention retention,
        Posting posting,
        Observation observation,
        Deactivation deactivation,
        CrossFollows crossFollows) {

    /** Every group at its defaults: what a scenario gets for the fields it leaves out. */
    public static final SocietyConfig DEFAULTS =
            new SocietyConfig(
                    Population.DEFAULTS,
                    Youth.DEFAULTS,
                    Follows.DEFAULTS,
                    Reading.DEFAULTS,
                    Interest.DEFAULTS,
                    Actions.DEFAULTS,
                    Partisanship.DEFAULTS,
                    Affect.DEFAULTS,
                    Thermometer.DEFAULTS,
                    Opinion.DEFAULTS,
                    StatedPreferences.DEFAULTS,
                    Retention.DEFAULTS,
                    Posting.DEFAULTS,
                    Observation.DEFAULTS,
                    Deactivation.DEFAULTS,
                    CrossFollows.DEFAULTS);

    public SocietyConfig withPopulation(Population g) {
        return new SocietyConfig(
                g,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withYouth(Youth g) {
        return new SocietyConfig(
                population,
                g,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withFollows(Follows g) {
        return new SocietyConfig(
                population,
                youth,
                g,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withReading(Reading g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                g,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withInterest(Interest g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                g,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withActions(Actions g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                g,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withPartisanship(Partisanship g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                g,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withAffect(Affect g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                g,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withThermometer(Thermometer g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                g,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withOpinion(Opinion g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                g,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withStatedPreferences(StatedPreferences g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                g,
                retention,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withRetention(Retention g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                g,
                posting,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withPosting(Posting g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                g,
                observation,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withObservation(Observation g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                g,
                deactivation,
                crossFollows);
    }

    public SocietyConfig withDeactivation(Deactivation g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                g,
                crossFollows);
    }

    public SocietyConfig withCrossFollows(CrossFollows g) {
        return new SocietyConfig(
                population,
                youth,
                follows,
                reading,
                interest,
                actions,
                partisanship,
                affect,
                thermometer,
                opinion,
                statedPreferences,
                retention,
                posting,
                observation,
                deactivation,
                g);
    }

    /**
     * Who lives in the society.
     *
     * @param users number of users
     * @param creators number of creators (news, commentary and popular accounts)
     * @param topics number of topics K; topic 0 is politics, topics 1..K−1 are not political
     * @param ideologyDims dimensions d of ideology and stance (1 = the left–right axis only);
     *     metrics read the first
     * @param ideologySpread standard deviation of issue ideology around each camp's centre
     * @param tasteDims dimensions of the latent tastes of users and styles of accounts
     * @param politicalCreatorShare share of creators who are political (a camp, an ideology, mostly
     *     political posts)
     * @param untrustworthyShare share of political creators that are untrustworthy sources
     * @param politicalInterest median interest of users in politics (topic 0), log-normal across
     *     users
     */
    public record Population(
            int users,
            int creators,
            int topics,
            int ideologyDims,
            double ideologySpread,
            int tasteDims,
            double politicalCreatorShare,
            double untrustworthyShare,
            double politicalInterest) {
        public static final int USERS = 600;
        public static final int CREATORS = 60;
        public static final int TOPICS = 8;
        public static final int IDEOLOGY_DIMS = 1;
        public static final double IDEOLOGY_SPREAD = 0.3;
        public static final int TASTE_DIMS = 8;
        public static final double POLITICAL_CREATOR_SHARE = 0.2;
        public static final double UNTRUSTWORTHY_SHARE = 0.15;
        public static final double POLITICAL_INTEREST = 0.2;

        public static final Population DEFAULTS =
                new Population(
                        USERS,
                        CREATORS,
                        TOPICS,
                        IDEOLOGY_DIMS,
                        IDEOLOGY_SPREAD,
                        TASTE_DIMS,
                        POLITICAL_CREATOR_SHARE,
                        UNTRUSTWORTHY_SHARE,
                        POLITICAL_INTEREST);

        public Population withUsers(int v) {
            return new Population(
                    v,
                    creators,
                    topics,
                    ideologyDims,
                    ideologySpread,
                    tasteDims,
                    politicalCreatorShare,
                    untrustworthyShare,
                    politicalInterest);
        }

        public Population withCreators(int v) {
            return new Population(
                    users,
                    v,
                    topics,
                    ideologyDims,
                    ideologySpread,
                    tasteDims,
                    politicalCreatorShare,
                    untrustworthyShare,
                    politicalInterest);
        }

        public Population withTopics(int v) {
            return new Population(
                    users,
                    creators,
                    v,
                    ideologyDims,
                    ideologySpread,
                    tasteDims,
                    politicalCreatorShare,
                    untrustworthyShare,
                    politicalInterest);
        }

        public Population withIdeologyDims(int v) {
            return new Population(
                    users,
                    creators,
                    topics,
                    v,
                    ideologySpread,
                    tasteDims,
                    politicalCreatorShare,
                    untrustworthyShare,
                    politicalInterest);
        }

        public Population withIdeologySpread(double v) {
            return new Population(
                    users,
                    creators,
                    topics,
                    ideologyDims,
                    v,
                    tasteDims,
                    politicalCreatorShare,
                    untrustworthyShare,
                    politicalInterest);
        }

        public Population withTasteDims(int v) {
            return new Population(
                    users,
                    creators,
                    topics,
                    ideologyDims,
                    ideologySpread,
                    v,
                    politicalCreatorShare,
                    untrustworthyShare,
                    politicalInterest);
        }

        public Population withPoliticalCreatorShare(double v) {
            return new Population(
                    users,
                    creators,
                    topics,
                    ideologyDims,
                    ideologySpread,
                    tasteDims,
                    v,
                    untrustworthyShare,
                    politicalInterest);
        }

        public Population withUntrustworthyShare(double v) {
            return new Population(
                    users,
                    creators,
                    topics,
                    ideologyDims,
                    ideologySpread,
                    tasteDims,
                    politicalCreatorShare,
                    v,
                    politicalInterest);
        }

        public Population withPoliticalInterest(double v) {
            return new Population(
                    users,
                    creators,
                    topics,
                    ideologyDims,
                    ideologySpread,
                    tasteDims,
                    politicalCreatorShare,
                    untrustworthyShare,
                    v);
        }
    }

    /**
     * The "young" segment (the rest of the users are "adult").
     *
     * @param share share of users in the segment
     * @param susceptibility multiplier of hostility appetite, anger, opinion steps and thermometer
     *     changes for young users
     * @param activityFactor multiplier of the daily opening probability for young users
     */
    public record Youth(double share, double susceptibility, double activityFactor) {
        public static final double SHARE = 0.2;
        public static final double SUSCEPTIBILITY = 1.5;
        public static final double ACTIVITY_FACTOR = 1.15;

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
     * The follow graph: built with camp homophily at creation, then evolving with engagement and
     * follow-backs.
     *
     * @param creatorFollowsPerUser creators each user follows at creation
     * @param userFollowsPerUser other users each user follows at creation
     * @param campHomophily log weight taken from an account of the other camp in follow creation (0
     *     = no homophily)
     * @param followRate probability of following the author after engaging with an unfollowed one
     * @param unfollowRate probability of unfollowing the author after hiding a followed one's post
     * @param followBackSame probability that a user followed by a user of the same camp follows
     *     back
     * @param followBackOther probability that a user followed by a user of the other camp follows
     *     back
     */
    public record Follows(
            int creatorFollowsPerUser,
            int userFollowsPerUser,
            double campHomophily,
            double followRate,
            double unfollowRate,
            double followBackSame,
            double followBackOther) {
        public static final int CREATOR_FOLLOWS_PER_USER = 25;
        public static final int USER_FOLLOWS_PER_USER = 60;
        public static final double CAMP_HOMOPHILY = 1.2;
        public static final double FOLLOW_RATE = 0.02;
        public static final double UNFOLLOW_RATE = 0.3;
        public static final double FOLLOW_BACK_SAME = 0.14;
        public static final double FOLLOW_BACK_OTHER = 0.047;

        public static final Follows DEFAULTS =
                new Follows(
                        CREATOR_FOLLOWS_PER_USER,
                        USER_FOLLOWS_PER_USER,
                        CAMP_HOMOPHILY,
                        FOLLOW_RATE,
                        UNFOLLOW_RATE,
                        FOLLOW_BACK_SAME,
                        FOLLOW_BACK_OTHER);

        public Follows withCreatorFollowsPerUser(int v) {
            return new Follows(
                    v,
                    userFollowsPerUser,
                    campHomophily,
                    followRate,
                    unfollowRate,
                    followBackSame,
                    followBackOther);
        }

        public Follows withUserFollowsPerUser(int v) {
            return new Follows(
                    creatorFollowsPerUser,
                    v,
                    campHomophily,
                    followRate,
                    unfollowRate,
                    followBackSame,
                    followBackOther);
        }

        public Follows withCampHomophily(double v) {
            return new Follows(
                    creatorFollowsPerUser,
                    userFollowsPerUser,
                    v,
                    followRate,
                    unfollowRate,
                    followBackSame,
                    followBackOther);
        }

        public Follows withFollowRate(double v) {
            return new Follows(
                    creatorFollowsPerUser,
                    userFollowsPerUser,
                    campHomophily,
                    v,
                    unfollowRate,
                    followBackSame,
                    followBackOther);
        }

        public Follows withUnfollowRate(double v) {
            return new Follows(
                    creatorFollowsPerUser,
                    userFollowsPerUser,
                    campHomophily,
                    followRate,
                    v,
                    followBackSame,
                    followBackOther);
        }

        public Follows withFollowBackSame(double v) {
            return new Follows(
                    creatorFollowsPerUser,
                    userFollowsPerUser,
                    campHomophily,
                    followRate,
                    unfollowRate,
                    v,
                    followBackOther);
        }

        public Follows withFollowBackOther(double v) {
            return new Follows(
                    creatorFollowsPerUser,
                    userFollowsPerUser,
                    campHomophily,
                    followRate,
                    unfollowRate,
                    followBackSame,
                    v);
        }
    }

    /**
     * The day's feed and its sessions: how many, how long, what keeps a reader scrolling.
     *
     * @param dayFeedSize items in the feed the platform ranks once per active day
     * @param sessionsPerDay median over users of the mean sessions per active day
     * @param sessionBudget median seconds a user is willing to spend in one session (time budget)
     * @param continueBase probability of scrolling on after an item of average pull, before boredom
     * @param interestPull how much an item's pull above or below one half moves the continue
     *     probability
     * @param boredom weight of accumulated boredom in the continue probability
     * @param arousalPull how much a hostile item's arousal adds to its pull
     * @param satiation decay of the hostility drive per hostile item already seen in the session
     * @param absorption share of an engaging item's seconds not charged to the session's time
     *     budget
     * @param glanceSeconds seconds of a glance at an item of average pull
     * @param readSeconds seconds of reading after a click on an item of quality 1
     * @param surveyRate share of examined items on which the user is asked "was this worth your
     *     time?"
     */
    public record Reading(
            int dayFeedSize,
            double sessionsPerDay,
            double sessionBudget,
            double continueBase,
            double interestPull,
            double boredom,
            double arousalPull,
            double satiation,
            double absorption,
            double glanceSeconds,
            double readSeconds,
            double surveyRate) {
        public static final int DAY_FEED_SIZE = 300;
        public static final double SESSIONS_PER_DAY = 5.0;
        public static final double SESSION_BUDGET = 240.0;
        public static final double CONTINUE_BASE = 0.985;
        public static final double INTEREST_PULL = 0.1;
        public static final double BOREDOM = 0.01;
        public static final double AROUSAL_PULL = 0.3;
        public static final double SATIATION = 0.1;
        public static final double ABSORPTION = 0.5;
        public static final double GLANCE_SECONDS = 6.5;
        public static final double READ_SECONDS = 30.0;
        public static final double SURVEY_RATE = 0.02;

        public static final Reading DEFAULTS =
                new Reading(
                        DAY_FEED_SIZE,
                        SESSIONS_PER_DAY,
                        SESSION_BUDGET,
                        CONTINUE_BASE,
                        INTEREST_PULL,
                        BOREDOM,
                        AROUSAL_PULL,
                        SATIATION,
                        ABSORPTION,
                        GLANCE_SECONDS,
                        READ_SECONDS,
                        SURVEY_RATE);

        public Reading withDayFeedSize(int v) {
            return new Reading(
                    v,
                    sessionsPerDay,
                    sessionBudget,
                    continueBase,
                    interestPull,
                    boredom,
                    arousalPull,
                    satiation,
                    absorption,
                    glanceSeconds,
                    readSeconds,
                    surveyRate);
        }

        public Reading withSessionsPerDay(double v) {
            return new Reading(
                    dayFeedSize,
                    v,
                    sessionBudget,
                    continueBase,
                    interestPull,
                    boredom,
                    arousalPull,
                    satiation,
                    absorption,
                    glanceSeconds,
                    readSeconds,
                    surveyRate);
        }

        public Reading withSessionBudget(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    v,
                    continueBase,
                    interestPull,
                    boredom,
                    arousalPull,
                    satiation,
                    absorption,
                    glanceSeconds,
                    readSeconds,
                    surveyRate);
        }

        public Reading withContinueBase(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    sessionBudget,
                    v,
                    interestPull,
                    boredom,
                    arousalPull,
                    satiation,
                    absorption,
                    glanceSeconds,
                    readSeconds,
                    surveyRate);
        }

        public Reading withInterestPull(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    sessionBudget,
                    continueBase,
                    v,
                    boredom,
                    arousalPull,
                    satiation,
                    absorption,
                    glanceSeconds,
                    readSeconds,
                    surveyRate);
        }

        public Reading withBoredom(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    sessionBudget,
                    continueBase,
                    interestPull,
                    v,
                    arousalPull,
                    satiation,
                    absorption,
                    glanceSeconds,
                    readSeconds,
                    surveyRate);
        }

        public Reading withArousalPull(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    sessionBudget,
                    continueBase,
                    interestPull,
                    boredom,
                    v,
                    satiation,
                    absorption,
                    glanceSeconds,
                    readSeconds,
                    surveyRate);
        }

        public Reading withSatiation(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    sessionBudget,
                    continueBase,
                    interestPull,
                    boredom,
                    arousalPull,
                    v,
                    absorption,
                    glanceSeconds,
                    readSeconds,
                    surveyRate);
        }

        public Reading withAbsorption(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    sessionBudget,
                    continueBase,
                    interestPull,
                    boredom,
                    arousalPull,
                    satiation,
                    v,
                    glanceSeconds,
                    readSeconds,
                    surveyRate);
        }

        public Reading withGlanceSeconds(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    sessionBudget,
                    continueBase,
                    interestPull,
                    boredom,
                    arousalPull,
                    satiation,
                    absorption,
                    v,
                    readSeconds,
                    surveyRate);
        }

        public Reading withReadSeconds(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    sessionBudget,
                    continueBase,
                    interestPull,
                    boredom,
                    arousalPull,
                    satiation,
                    absorption,
                    glanceSeconds,
                    v,
                    surveyRate);
        }

        public Reading withSurveyRate(double v) {
            return new Reading(
                    dayFeedSize,
                    sessionsPerDay,
                    sessionBudget,
                    continueBase,
                    interestPull,
                    boredom,
                    arousalPull,
                    satiation,
                    absorption,
                    glanceSeconds,
                    readSeconds,
                    v);
        }
    }

    /**
     * What makes an item interesting to a reader: u = β_t (p · s) + β_k I_topic + β_q q +
     * in-network bonus.
     *
     * @param tasteWeight weight β_t of the match of the reader's taste with the item's style
     * @param topicWeight weight β_k of the reader's interest in the item's topic
     * @param qualityWeight weight β_q of the item's quality
     * @param inNetworkBonus interest added when the reader follows the item's author
     */
    public record Interest(
            double tasteWeight, double topicWeight, double qualityWeight, double inNetworkBonus) {
        public static final double TASTE_WEIGHT = 1.0;
        public static final double TOPIC_WEIGHT = 1.5;
        public static final double QUALITY_WEIGHT = 1.0;
        public static final double IN_NETWORK_BONUS = 0.5;

        public static final Interest DEFAULTS =
                new Interest(TASTE_WEIGHT, TOPIC_WEIGHT, QUALITY_WEIGHT, IN_NETWORK_BONUS);

        public Interest withTasteWeight(double v) {
            return new Interest(v, topicWeight, qualityWeight, inNetworkBonus);
        }

        public Interest withTopicWeight(double v) {
            return new Interest(tasteWeight, v, qualityWeight, inNetworkBonus);
        }

        public Interest withQualityWeight(double v) {
            return new Interest(tasteWeight, topicWeight, v, inNetworkBonus);
        }

        public Interest withInNetworkBonus(double v) {
            return new Interest(tasteWeight, topicWeight, qualityWeight, v);
        }
    }

    /**
     * Base logits of the actions on an examined item (calibrated to per-impression rates) and the
     * negativity term of clicks.
     *
     * @param clickBase base logit of a click
     * @param likeBase base logit of a like
     * @param reshareBase base logit of a reshare
     * @param commentBase base logit of a comment
     * @param hideBase base logit of a hide
     * @param angryBase base logit of an angry reaction
     * @param negativityClick click logit added per unit hostility (negativity bias in clicks)
     */
    public record Actions(
            double clickBase,
            double likeBase,
            double reshareBase,
            double commentBase,
            double hideBase,
            double angryBase,
            double negativityClick) {
        public static final double CLICK_BASE = -7.3;
        public static final double LIKE_BASE = -5.9;
        public static final double RESHARE_BASE = -9.1;
        public static final double COMMENT_BASE = -8.8;
        public static final double HIDE_BASE = -6.9;
        public static final double ANGRY_BASE = -7.6;
        public static final double NEGATIVITY_CLICK = 0.07;

        public static final Actions DEFAULTS =
                new Actions(
                        CLICK_BASE,
                        LIKE_BASE,
                        RESHARE_BASE,
                        COMMENT_BASE,
                        HIDE_BASE,
                        ANGRY_BASE,
                        NEGATIVITY_CLICK);

        public Actions withClickBase(double v) {
            return new Actions(
                    v, likeBase, reshareBase, commentBase, hideBase, angryBase, negativityClick);
        }

        public Actions withLikeBase(double v) {
            return new Actions(
                    clickBase, v, reshareBase, commentBase, hideBase, angryBase, negativityClick);
        }

        public Actions withReshareBase(double v) {
            return new Actions(
                    clickBase, likeBase, v, commentBase, hideBase, angryBase, negativityClick);
        }

        public Actions withCommentBase(double v) {
            return new Actions(
                    clickBase, likeBase, reshareBase, v, hideBase, angryBase, negativityClick);
        }

        public Actions withHideBase(double v) {
            return new Actions(
                    clickBase, likeBase, reshareBase, commentBase, v, angryBase, negativityClick);
        }

        public Actions withAngryBase(double v) {
            return new Actions(
                    clickBase, likeBase, reshareBase, commentBase, hideBase, v, negativityClick);
        }

        public Actions withNegativityClick(double v) {
            return new Actions(
                    clickBase, likeBase, reshareBase, commentBase, hideBase, angryBase, v);
        }
    }

    /**
     * How the side of a political item and its hostility change what a reader does: the latitude
     * zones of social judgment theory and the co-partisan boost of out-group animosity.
     *
     * @param outgroupReferences out-group references in a political post of hostility 1: the
     *     co-partisan drive counts references, D_co = R h A χ e^(−β_sat n_h)
     * @param acceptBonus like and reshare logit added when the item falls in the reader's latitude
     *     of acceptance
     * @param rejectPenalty like and reshare logit removed when the item falls in the latitude of
     *     rejection
     * @param copartisanClick click logit per out-group reference for a co-partisan reader (of mean
     *     appetite)
     * @param copartisanLike like logit per out-group reference for a co-partisan reader (of mean
     *     appetite)
     * @param copartisanReshare reshare logit per out-group reference for a co-partisan reader: ln
     *     1.67 (Rathje et al. 2021)
     * @param copartisanComment comment logit per out-group reference for a co-partisan reader
     * @param counterComment comment logit per unit hostility of an item in the latitude of
     *     rejection (counter-argument)
     * @param angryReject angry-reaction logit added in the latitude of rejection
     * @param angryOutparty angry-reaction logit per unit hostility for an out-party reader
     * @param angryCopartisan angry-reaction logit per unit hostility for a co-partisan reader: R ln
     *     2.19 (Rathje et al. 2021, angry reactions per out-group word)
     * @param hideReject hide logit added in the latitude of rejection
     * @param hideHostile hide logit per unit hostility for an out-party reader
     */
    public record Partisanship(
            double outgroupReferences,
            double acceptBonus,
            double rejectPenalty,
            double copartisanClick,
            double copartisanLike,
            double copartisanReshare,
            double copartisanComment,
            double counterComment,
            double angryReject,
            double angryOutparty,
            double angryCopartisan,
            double hideReject,
            double hideHostile) {
        public static final double OUTGROUP_REFERENCES = 2.5;
        public static final double ACCEPT_BONUS = 0.5;
        public static final double REJECT_PENALTY = 1.5;
        public static final double COPARTISAN_CLICK = 0.2;
        public static final double COPARTISAN_LIKE = 0.405;
        public static final double COPARTISAN_RESHARE = 0.513;
        public static final double COPARTISAN_COMMENT = 0.513;
        public static final double COUNTER_COMMENT = 1.5;
        public static final double ANGRY_REJECT = 1.6;
        public static final double ANGRY_OUTPARTY = 3.5;
        public static final double ANGRY_COPARTISAN = 1.96;
        public static final double HIDE_REJECT = 0.5;
        public static final double HIDE_HOSTILE = 1.0;

        public static final Partisanship DEFAULTS =
                new Partisanship(
                        OUTGROUP_REFERENCES,
                        ACCEPT_BONUS,
                        REJECT_PENALTY,
                        COPARTISAN_CLICK,
                        COPARTISAN_LIKE,
                        COPARTISAN_RESHARE,
                        COPARTISAN_COMMENT,
                        COUNTER_COMMENT,
                        ANGRY_REJECT,
                        ANGRY_OUTPARTY,
                        ANGRY_COPARTISAN,
                        HIDE_REJECT,
                        HIDE_HOSTILE);

        public Partisanship withOutgroupReferences(double v) {
            return new Partisanship(
                    v,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withAcceptBonus(double v) {
            return new Partisanship(
                    outgroupReferences,
                    v,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withRejectPenalty(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    v,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withCopartisanClick(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    v,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withCopartisanLike(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    v,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withCopartisanReshare(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    v,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withCopartisanComment(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    v,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withCounterComment(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    v,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withAngryReject(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    v,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withAngryOutparty(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    v,
                    angryCopartisan,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withAngryCopartisan(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    v,
                    hideReject,
                    hideHostile);
        }

        public Partisanship withHideReject(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    v,
                    hideHostile);
        }

        public Partisanship withHideHostile(double v) {
            return new Partisanship(
                    outgroupReferences,
                    acceptBonus,
                    rejectPenalty,
                    copartisanClick,
                    copartisanLike,
                    copartisanReshare,
                    copartisanComment,
                    counterComment,
                    angryReject,
                    angryOutparty,
                    angryCopartisan,
                    hideReject,
                    v);
        }
    }

    /**
     * Appetite for hostility, anger and the rare anger exits.
     *
     * @param hostilityAppetite mean appetite A for hostility toward the out-group (log-normal
     *     across users)
     * @param angerPerHostility anger added by an item of hostility 1 read by an out-party reader
     * @param angerCopartisan share of that anger a co-partisan reader feels
     * @param angerReject multiplier of anger when the item falls in the latitude of rejection
     * @param angerSessionDecay share of anger kept from one session to the next within a day
     * @param angerDecay share of anger kept from one day to the next
     * @param angerThreshold median anger above which the exit hazard starts
     * @param angerExitHazard exit probability per item per unit of anger above the threshold
     *     (relative)
     */
    public record Affect(
            double hostilityAppetite,
            double angerPerHostility,
            double angerCopartisan,
            double angerReject,
            double angerSessionDecay,
            double angerDecay,
            double angerThreshold,
            double angerExitHazard) {
        public static final double HOSTILITY_APPETITE = 1.0;
        public static final double ANGER_PER_HOSTILITY = 0.3;
        public static final double ANGER_COPARTISAN = 0.3;
        public static final double ANGER_REJECT = 1.5;
        public static final double ANGER_SESSION_DECAY = 0.5;
        public static final double ANGER_DECAY = 0.1;
        public static final double ANGER_THRESHOLD = 3.0;
        public static final double ANGER_EXIT_HAZARD = 0.01;

        public static final Affect DEFAULTS =
                new Affect(
                        HOSTILITY_APPETITE,
                        ANGER_PER_HOSTILITY,
                        ANGER_COPARTISAN,
                        ANGER_REJECT,
                        ANGER_SESSION_DECAY,
                        ANGER_DECAY,
                        ANGER_THRESHOLD,
                        ANGER_EXIT_HAZARD);

        public Affect withHostilityAppetite(double v) {
            return new Affect(
                    v,
                    angerPerHostility,
                    angerCopartisan,
                    angerReject,
                    angerSessionDecay,
                    angerDecay,
                    angerThreshold,
                    angerExitHazard);
        }

        public Affect withAngerPerHostility(double v) {
            return new Affect(
                    hostilityAppetite,
                    v,
                    angerCopartisan,
                    angerReject,
                    angerSessionDecay,
                    angerDecay,
                    angerThreshold,
                    angerExitHazard);
        }

        public Affect withAngerCopartisan(double v) {
            return new Affect(
                    hostilityAppetite,
                    angerPerHostility,
                    v,
                    angerReject,
                    angerSessionDecay,
                    angerDecay,
                    angerThreshold,
                    angerExitHazard);
        }

        public Affect withAngerReject(double v) {
            return new Affect(
                    hostilityAppetite,
                    angerPerHostility,
                    angerCopartisan,
                    v,
                    angerSessionDecay,
                    angerDecay,
                    angerThreshold,
                    angerExitHazard);
        }

        public Affect withAngerSessionDecay(double v) {
            return new Affect(
                    hostilityAppetite,
                    angerPerHostility,
                    angerCopartisan,
                    angerReject,
                    v,
                    angerDecay,
                    angerThreshold,
                    angerExitHazard);
        }

        public Affect withAngerDecay(double v) {
            return new Affect(
                    hostilityAppetite,
                    angerPerHostility,
                    angerCopartisan,
                    angerReject,
                    angerSessionDecay,
                    v,
                    angerThreshold,
                    angerExitHazard);
        }

        public Affect withAngerThreshold(double v) {
            return new Affect(
                    hostilityAppetite,
                    angerPerHostility,
                    angerCopartisan,
                    angerReject,
                    angerSessionDecay,
                    angerDecay,
                    v,
                    angerExitHazard);
        }

        public Affect withAngerExitHazard(double v) {
            return new Affect(
                    hostilityAppetite,
                    angerPerHostility,
                    angerCopartisan,
                    angerReject,
                    angerSessionDecay,
                    angerDecay,
                    angerThreshold,
                    v);
        }
    }

    /**
     * Feeling thermometers toward the out-party and the in-party: per-item doses, daily decay
     * toward a baseline, initial distributions.
     *
     * @param hostility out-party thermometer points lost per unit hostility of a political item
     *     read
     * @param calm points gained per unit quality of a calm out-party item read
     * @param ingroup in-party thermometer points gained per unit hostility of a co-partisan item
     *     read
     * @param decay share of the distance to the baseline closed each day
     * @param baselineDrift share of the distance to the current value the baseline moves each day
     * @param outpartyCentre centre of the normal draw of the out-party baseline, before clamping to
     *     [0, 100]
     * @param outpartySpread standard deviation of that draw
     * @param inpartyCentre centre of the normal draw of the in-party baseline, before clamping
     * @param inpartySpread standard deviation of that draw
     */
    public record Thermometer(
            double hostility,
            double calm,
            double ingroup,
            double decay,
            double baselineDrift,
            double outpartyCentre,
            double outpartySpread,
            double inpartyCentre,
            double inpartySpread) {
        public static final double HOSTILITY = 0.102;
        public static final double CALM = 0.02;
        public static final double INGROUP = 0.03;
        public static final double DECAY = 0.18;
        public static final double BASELINE_DRIFT = 0.005;
        public static final double OUTPARTY_CENTRE = 22.0;
        public static final double OUTPARTY_SPREAD = 26.0;
        public static final double INPARTY_CENTRE = 72.0;
        public static final double INPARTY_SPREAD = 18.0;

        public static final Thermometer DEFAULTS =
                new Thermometer(
                        HOSTILITY,
                        CALM,
                        INGROUP,
                        DECAY,
                        BASELINE_DRIFT,
                        OUTPARTY_CENTRE,
                        OUTPARTY_SPREAD,
                        INPARTY_CENTRE,
                        INPARTY_SPREAD);

        public Thermometer withHostility(double v) {
            return new Thermometer(
                    v,
                    calm,
                    ingroup,
                    decay,
                    baselineDrift,
                    outpartyCentre,
                    outpartySpread,
                    inpartyCentre,
                    inpartySpread);
        }

        public Thermometer withCalm(double v) {
            return new Thermometer(
                    hostility,
                    v,
                    ingroup,
                    decay,
                    baselineDrift,
                    outpartyCentre,
                    outpartySpread,
                    inpartyCentre,
                    inpartySpread);
        }

        public Thermometer withIngroup(double v) {
            return new Thermometer(
                    hostility,
                    calm,
                    v,
                    decay,
                    baselineDrift,
                    outpartyCentre,
                    outpartySpread,
                    inpartyCentre,
                    inpartySpread);
        }

        public Thermometer withDecay(double v) {
            return new Thermometer(
                    hostility,
                    calm,
                    ingroup,
                    v,
                    baselineDrift,
                    outpartyCentre,
                    outpartySpread,
                    inpartyCentre,
                    inpartySpread);
        }

        public Thermometer withBaselineDrift(double v) {
            return new Thermometer(
                    hostility,
                    calm,
                    ingroup,
                    decay,
                    v,
                    outpartyCentre,
                    outpartySpread,
                    inpartyCentre,
                    inpartySpread);
        }

        public Thermometer withOutpartyCentre(double v) {
            return new Thermometer(
                    hostility,
                    calm,
                    ingroup,
                    decay,
                    baselineDrift,
                    v,
                    outpartySpread,
                    inpartyCentre,
                    inpartySpread);
        }

        public Thermometer withOutpartySpread(double v) {
            return new Thermometer(
                    hostility,
                    calm,
                    ingroup,
                    decay,
                    baselineDrift,
                    outpartyCentre,
                    v,
                    inpartyCentre,
                    inpartySpread);
        }

        public Thermometer withInpartyCentre(double v) {
            return new Thermometer(
                    hostility,
                    calm,
                    ingroup,
                    decay,
                    baselineDrift,
                    outpartyCentre,
                    outpartySpread,
                    v,
                    inpartySpread);
        }

        public Thermometer withInpartySpread(double v) {
            return new Thermometer(
                    hostility,
                    calm,
                    ingroup,
                    decay,
                    baselineDrift,
                    outpartyCentre,
                    outpartySpread,
                    inpartyCentre,
                    v);
        }
    }

    /**
     * Issue opinions under social judgment theory: latitudes, assimilation and contrast, reversion
     * to an anchor.
     *
     * @param acceptance latitude of acceptance a0 of a centrist
     * @param rejection distance r0 from which a centrist rejects
     * @param latitudeShrink how much both latitudes shrink with extremity: × (1 − k |x0|)
     * @param latitudeGap least width of the latitude of non-commitment
     * @param assimilation opinion step toward an item in the latitude of acceptance
     * @param contrast opinion step away from a hostile item in the latitude of rejection, per unit
     *     hostility
     * @param anchorHalfLife days in which half of a shift away from the anchor opinion reverts
     */
    public record Opinion(
            double acceptance,
            double rejection,
            double latitudeShrink,
            double latitudeGap,
            double assimilation,
            double contrast,
            double anchorHalfLife) {
        public static final double ACCEPTANCE = 0.4;
        public static final double REJECTION = 0.8;
        public static final double LATITUDE_SHRINK = 0.5;
        public static final double LATITUDE_GAP = 0.05;
        public static final double ASSIMILATION = 0.01;
        public static final double CONTRAST = 0.002;
        public static final double ANCHOR_HALF_LIFE = 50.0;

        public static final Opinion DEFAULTS =
                new Opinion(
                        ACCEPTANCE,
                        REJECTION,
                        LATITUDE_SHRINK,
                        LATITUDE_GAP,
                        ASSIMILATION,
                        CONTRAST,
                        ANCHOR_HALF_LIFE);

        public Opinion withAcceptance(double v) {
            return new Opinion(
                    v,
                    rejection,
                    latitudeShrink,
                    latitudeGap,
                    assimilation,
                    contrast,
                    anchorHalfLife);
        }

        public Opinion withRejection(double v) {
            return new Opinion(
                    acceptance,
                    v,
                    latitudeShrink,
                    latitudeGap,
                    assimilation,
                    contrast,
                    anchorHalfLife);
        }

        public Opinion withLatitudeShrink(double v) {
            return new Opinion(
                    acceptance, rejection, v, latitudeGap, assimilation, contrast, anchorHalfLife);
        }

        public Opinion withLatitudeGap(double v) {
            return new Opinion(
                    acceptance,
                    rejection,
                    latitudeShrink,
                    v,
                    assimilation,
                    contrast,
                    anchorHalfLife);
        }

        public Opinion withAssimilation(double v) {
            return new Opinion(
                    acceptance,
                    rejection,
                    latitudeShrink,
                    latitudeGap,
                    v,
                    contrast,
                    anchorHalfLife);
        }

        public Opinion withContrast(double v) {
            return new Opinion(
                    acceptance,
                    rejection,
                    latitudeShrink,
                    latitudeGap,
                    assimilation,
                    v,
                    anchorHalfLife);
        }

        public Opinion withAnchorHalfLife(double v) {
            return new Opinion(
                    acceptance, rejection, latitudeShrink, latitudeGap, assimilation, contrast, v);
        }
    }

    /**
     * What users say they value: the reflective weights as means (each user's are drawn around them
     * and normalised to sum 1), and how much of an item's stated worth is liking it.
     *
     * @param quality mean stated weight on quality
     * @param calm mean stated weight on calm (absence of hostility)
     * @param variety mean stated weight on variety (topics not yet seen in the session)
     * @param taste share of an item's stated worth that is the reader's taste for it (latent match
     *     and topic interest), the rest being the reflective weights (0, the default: no taste
     *     term); sessions' satisfaction keeps the reflective weights alone
     */
    public record StatedPreferences(double quality, double calm, double variety, double taste) {
        public static final double QUALITY = 0.4;
        public static final double CALM = 0.35;
        public static final double VARIETY = 0.25;
        public static final double TASTE = 0.0;

        public static final StatedPreferences DEFAULTS =
                new StatedPreferences(QUALITY, CALM, VARIETY, TASTE);

        public StatedPreferences withQuality(double v) {
            return new StatedPreferences(v, calm, variety, taste);
        }

        public StatedPreferences withCalm(double v) {
            return new StatedPreferences(quality, v, variety, taste);
        }

        public StatedPreferences withVariety(double v) {
            return new StatedPreferences(quality, calm, v, taste);
        }

        public StatedPreferences withTaste(double v) {
            return new StatedPreferences(quality, calm, variety, v);
        }
    }

    /**
     * Coming back each day: the opening probability, moved by recent satisfaction and habit, and
     * churn.
     *
     * @param activity mean probability that a user opens the app on a day
     * @param satisfactionMemory weight of the latest day in the satisfaction and habit moving
     *     averages
     * @param returnSensitivity how strongly recent satisfaction moves the opening probability
     * @param satisfactionReference satisfaction at which the opening probability equals the
     *     activity
     * @param churnThreshold days with satisfaction below this count as unsatisfied
     * @param churnPatienceDays consecutive unsatisfied days after which a user leaves for good (0:
     *     never)
     * @param habitWeight how strongly the habit (recent share of engaging items) moves the opening
     *     probability
     * @param habitReference habit at which it leaves the opening probability unchanged; every
     *     user's habit starts there
     */
    public record Retention(
            double activity,
            double satisfactionMemory,
            double returnSensitivity,
            double satisfactionReference,
            double churnThreshold,
            int churnPatienceDays,
            double habitWeight,
            double habitReference) {
        public static final double ACTIVITY = 0.70;
        public static final double SATISFACTION_MEMORY = 0.3;
        public static final double RETURN_SENSITIVITY = 0.5;
        public static final double SATISFACTION_REFERENCE = 0.55;
        public static final double CHURN_THRESHOLD = 0.25;
        public static final int CHURN_PATIENCE_DAYS = 5;
        public static final double HABIT_WEIGHT = 3.0;
        public static final double HABIT_REFERENCE = 0.06;

        public static final Retention DEFAULTS =
                new Retention(
                        ACTIVITY,
                        SATISFACTION_MEMORY,
                        RETURN_SENSITIVITY,
                        SATISFACTION_REFERENCE,
                        CHURN_THRESHOLD,
                        CHURN_PATIENCE_DAYS,
                        HABIT_WEIGHT,
                        HABIT_REFERENCE);

        public Retention withActivity(double v) {
            return new Retention(
                    v,
                    satisfactionMemory,
                    returnSensitivity,
                    satisfactionReference,
                    churnThreshold,
                    churnPatienceDays,
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
                    churnPatienceDays,
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
                    churnPatienceDays,
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
                    churnPatienceDays,
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
                    churnPatienceDays,
                    habitWeight,
                    habitReference);
        }

        public Retention withChurnPatienceDays(int v) {
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
                    churnPatienceDays,
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
                    churnPatienceDays,
                    habitWeight,
                    v);
        }
    }

    /**
     * Who posts how much and how hostile, and how the hostility of every posting account learns
     * from feedback.
     *
     * @param creatorPostRate mean posts per day of a creator
     * @param userPostRate median posts per day of a user (log-normal across users)
     * @param userPostSpread log-scale standard deviation of users' posting rates
     * @param politicalPosts share of political posts of a user of median political interest
     *     (proportional to the interest)
     * @param creatorHostility mean initial hostility propensity of political creators
     * @param userHostility mean initial hostility propensity of users
     * @param hostilitySpread standard deviation of a post's hostility around its author's
     *     propensity
     * @param styleSpread standard deviation of a post's style around its author's style
     * @param learning whether the hostility propensity of posting accounts learns from feedback
     * @param learningRate step of that reinforcement learning
     * @param normPull daily pull of a propensity toward the mean of the account's ideological
     *     neighbourhood
     * @param extremityModeration how much an ideologically extreme audience damps the learning rate
     */
    public record Posting(
            double creatorPostRate,
            double userPostRate,
            double userPostSpread,
            double politicalPosts,
            double creatorHostility,
            double userHostility,
            double hostilitySpread,
            double styleSpread,
            boolean learning,
            double learningRate,
            double normPull,
            double extremityModeration) {
        public static final double CREATOR_POST_RATE = 3.0;
        public static final double USER_POST_RATE = 0.05;
        public static final double USER_POST_SPREAD = 2.3;
        public static final double POLITICAL_POSTS = 0.025;
        public static final double CREATOR_HOSTILITY = 0.3;
        public static final double USER_HOSTILITY = 0.15;
        public static final double HOSTILITY_SPREAD = 0.2;
        public static final double STYLE_SPREAD = 0.5;
        public static final boolean LEARNING = true;
        public static final double LEARNING_RATE = 0.03;
        public static final double NORM_PULL = 0.02;
        public static final double EXTREMITY_MODERATION = 0.5;

        public static final Posting DEFAULTS =
                new Posting(
                        CREATOR_POST_RATE,
                        USER_POST_RATE,
                        USER_POST_SPREAD,
                        POLITICAL_POSTS,
                        CREATOR_HOSTILITY,
                        USER_HOSTILITY,
                        HOSTILITY_SPREAD,
                        STYLE_SPREAD,
                        LEARNING,
                        LEARNING_RATE,
                        NORM_PULL,
                        EXTREMITY_MODERATION);

        public Posting withCreatorPostRate(double v) {
            return new Posting(
                    v,
                    userPostRate,
                    userPostSpread,
                    politicalPosts,
                    creatorHostility,
                    userHostility,
                    hostilitySpread,
                    styleSpread,
                    learning,
                    learningRate,
                    normPull,
                    extremityModeration);
        }

        public Posting withUserPostRate(double v) {
            return new Posting(
                    creatorPostRate,
                    v,
                    userPostSpread,
                    politicalPosts,
                    creatorHostility,
                    userHostility,
                    hostilitySpread,
                    styleSpread,
                    learning,
                    learningRate,
                    normPull,
                    extremityModeration);
        }

        public Posting withUserPostSpread(double v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    v,
                    politicalPosts,
                    creatorHostility,
                    userHostility,
                    hostilitySpread,
                    styleSpread,
                    learning,
                    learningRate,
                    normPull,
                    extremityModeration);
        }

        public Posting withPoliticalPosts(double v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    userPostSpread,
                    v,
                    creatorHostility,
                    userHostility,
                    hostilitySpread,
                    styleSpread,
                    learning,
                    learningRate,
                    normPull,
                    extremityModeration);
        }

        public Posting withCreatorHostility(double v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    userPostSpread,
                    politicalPosts,
                    v,
                    userHostility,
                    hostilitySpread,
                    styleSpread,
                    learning,
                    learningRate,
                    normPull,
                    extremityModeration);
        }

        public Posting withUserHostility(double v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    userPostSpread,
                    politicalPosts,
                    creatorHostility,
                    v,
                    hostilitySpread,
                    styleSpread,
                    learning,
                    learningRate,
                    normPull,
                    extremityModeration);
        }

        public Posting withHostilitySpread(double v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    userPostSpread,
                    politicalPosts,
                    creatorHostility,
                    userHostility,
                    v,
                    styleSpread,
                    learning,
                    learningRate,
                    normPull,
                    extremityModeration);
        }

        public Posting withStyleSpread(double v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    userPostSpread,
                    politicalPosts,
                    creatorHostility,
                    userHostility,
                    hostilitySpread,
                    v,
                    learning,
                    learningRate,
                    normPull,
                    extremityModeration);
        }

        public Posting withLearning(boolean v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    userPostSpread,
                    politicalPosts,
                    creatorHostility,
                    userHostility,
                    hostilitySpread,
                    styleSpread,
                    v,
                    learningRate,
                    normPull,
                    extremityModeration);
        }

        public Posting withLearningRate(double v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    userPostSpread,
                    politicalPosts,
                    creatorHostility,
                    userHostility,
                    hostilitySpread,
                    styleSpread,
                    learning,
                    v,
                    normPull,
                    extremityModeration);
        }

        public Posting withNormPull(double v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    userPostSpread,
                    politicalPosts,
                    creatorHostility,
                    userHostility,
                    hostilitySpread,
                    styleSpread,
                    learning,
                    learningRate,
                    v,
                    extremityModeration);
        }

        public Posting withExtremityModeration(double v) {
            return new Posting(
                    creatorPostRate,
                    userPostRate,
                    userPostSpread,
                    politicalPosts,
                    creatorHostility,
                    userHostility,
                    hostilitySpread,
                    styleSpread,
                    learning,
                    learningRate,
                    normPull,
                    v);
        }
    }

    /**
     * What the platform observes of a post: its hostility only through a noisy classifier.
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

    /**
     * The deactivation experiment of Allcott et al. (AER 2020: four weeks off Facebook; 2024: six
     * weeks before the 2020 election): a treated share of users does not open the app on the days
     * [start, start + days). Membership is drawn once per user with purpose {@code
     * "intervention-deactivate"} ({@link Interventions}); the equation is in docs/MODEL.md.
     *
     * @param share share of users treated (0: no experiment)
     * @param start first day off the app
     * @param days days off the app
     */
    public record Deactivation(double share, int start, int days) {
        public static final double SHARE = 0.0;
        public static final int START = 0;

        /** Four weeks, as in Allcott et al. 2020. */
        public static final int DAYS = 28;

        public static final Deactivation DEFAULTS = new Deactivation(SHARE, START, DAYS);

        public Deactivation withShare(double v) {
            return new Deactivation(v, start, days);
        }

        public Deactivation withStart(int v) {
            return new Deactivation(share, v, days);
        }

        public Deactivation withDays(int v) {
            return new Deactivation(share, start, v);
        }
    }

    /**
     * The cross-cutting follows experiment of Bail et al. (PNAS 2018: a month of following a bot
     * that retweeted elites of the other party) and Levy (AER 2021: subscriptions to
     * counter-attitudinal outlets): on day {@code start} each treated user follows {@code accounts}
     * political creators of the other camp, drawn at random among those they do not follow yet.
     * Membership is drawn once per user with purpose {@code "intervention-cross-follows"} ({@link
     * Interventions}); afterwards the follows evolve like any other (a hidden post can unfollow).
     *
     * @param share share of users treated (0: no experiment)
     * @param start the day the follows are added
     * @param accounts accounts of the other camp each treated user follows
     */
    public record CrossFollows(double share, int start, int accounts) {
        public static final double SHARE = 0.0;
        public static final int START = 0;

        /** Four outlets, as offered in Levy 2021. */
        public static final int ACCOUNTS = 4;

        public static final CrossFollows DEFAULTS = new CrossFollows(SHARE, START, ACCOUNTS);

        public CrossFollows withShare(double v) {
            return new CrossFollows(v, start, accounts);
        }

        public CrossFollows withStart(int v) {
            return new CrossFollows(share, v, accounts);
        }

        public CrossFollows withAccounts(int v) {
            return new CrossFollows(share, start, v);
        }
    }
}
