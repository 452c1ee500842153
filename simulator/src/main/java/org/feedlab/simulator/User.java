package org.feedlab.simulator;

import java.util.Arrays;

/**
 * A user's hidden state: what the platform never sees (except the declared segment, which a
 * platform holds as the declared age group). docs/MODEL.md, "Population", gives how each trait is
 * drawn.
 *
 * <p>Mutable: the society draws the traits once ({@link Society#create}) and updates the state in
 * place as the user reads.
 */
public final class User {
    /** Segment names, in the order metrics report them after "all". */
    public static final String ADULT = "adult";

    public static final String YOUNG = "young";

    final int id;

    /** Party identity: −1 or +1, fixed for the run (Green, Palmquist and Schickler 2002). */
    final int camp;

    /** Issue ideology x in [-1, 1] on the first (left–right) axis; moves with what is read. */
    double ideology;

    /** The anchor x0 that issue ideology reverts to. */
    double anchor;

    /** Ideology on the further axes 2..d, empty when d = 1, and their anchors. */
    final double[] extraIdeology;

    double[] extraAnchor;

    /** Latitude of acceptance: stance distances up to it are assimilated. */
    double acceptance;

    /** Stance distances from it on are rejected (contrast). */
    double rejection;

    /** Latent taste vector p_i. */
    final double[] taste;

    /** Interest per topic in [0, 1]; entry 0 is the interest in politics. */
    final double[] topicInterest;

    /** Probability of opening the app on a day (habit), before satisfaction moves it. */
    double activity;

    /** Appetite A for hostility toward the out-group. */
    double hostilityAppetite;

    /** Anger above which the exit hazard starts. */
    double angerThreshold;

    /** Current anger; decays between sessions and between days. */
    double anger;

    /** Feeling thermometer toward the out-party, 0 (cold) to 100 (warm), and its baseline. */
    double thermometer;

    double thermometerBaseline;

    /** Feeling thermometer toward the in-party, 0 to 100, and its baseline. */
    double thermometerIn;

    double thermometerInBaseline;

    /** Accounts followed (creators, then users offset by the creator count), ascending. */
    int[] following = new int[0];

    /** Segment: {@link #ADULT} or {@link #YOUNG}. */
    String segment = ADULT;

    /** Multiplier of appetite-, anger-, opinion- and thermometer-related sensitivities. */
    double susceptibility = 1.0;

    /** Mean sessions per active day. */
    double sessionsPerDay = 1.0;

    /** Median seconds the user is willing to spend in one session. */
    double sessionBudget = 240.0;

    /** Mean original posts per day. */
    double postRate;

    /** Mean quality of the user's posts. */
    double quality = 0.5;

    /** Latent style of the user's own posts. */
    final double[] style;

    /** The hostility propensity of the user's political posts. */
    final Propensity propensity = new Propensity(0.0);

    /** Original posts written since the start of the run. */
    int originalPosts;

    /** Stated weights on quality, calm and variety, summing to 1. */
    double statedQuality = 0.4;

    double statedCalm = 0.35;
    double statedVariety = 0.25;

    /** Moving average of daily satisfaction in [0, 1]. */
    double satisfaction = 0.55;

    /** Consecutive unsatisfied days. */
    int unsatisfiedStreak;

    /** Moving average of the daily share of items engaged with (the habit's reward). */
    double habit;

    /** Whether the user has left the platform for good. */
    boolean churned;

    /**
     * A user with empty traits; {@link Society#create} draws them.
     *
     * @param id user id
     * @param camp −1 or +1
     * @param ideology initial issue ideology, also the anchor
     * @param extraAxes further ideology axes (d − 1)
     * @param topics number of topics
     * @param tasteDims dimensions of taste and style
     */
    User(int id, int camp, double ideology, int extraAxes, int topics, int tasteDims) {
        this.id = id;
        this.camp = camp;
        this.ideology = ideology;
        this.anchor = ideology;
        this.extraIdeology = new double[extraAxes];
        this.extraAnchor = new double[extraAxes];
        this.topicInterest = new double[topics];
        this.taste = new double[tasteDims];
        this.style = new double[tasteDims];
    }

    /**
     * Everything a day's reading changes in a user (affect, opinions, follows, satisfaction,
     * churn), taken before the day, so that the day can be read again from where it started.
     * Reading changes no other field; a field that reading starts to change belongs here.
     */
    record DayStart(
            double anger,
            double thermometer,
            double thermometerIn,
            double ideology,
            double[] extraIdeology,
            int[] following,
            double satisfaction,
            int unsatisfiedStreak,
            double habit,
            boolean churned) {
        static DayStart of(User u) {
            // following is replaced, never changed in place (FollowGraph): the array is kept.
            return new DayStart(
                    u.anger,
                    u.thermometer,
                    u.thermometerIn,
                    u.ideology,
                    u.extraIdeology.clone(),
                    u.following,
                    u.satisfaction,
                    u.unsatisfiedStreak,
                    u.habit,
                    u.churned);
        }

        /** Whether the user followed {@code account} when this was taken. */
        boolean follows(int account) {
            return Arrays.binarySearch(following, account) >= 0;
        }

        /** Puts the user back as they were when this was taken. */
        void restore(User u) {
            u.anger = anger;
            u.thermometer = thermometer;
            u.thermometerIn = thermometerIn;
            u.ideology = ideology;
            System.arraycopy(extraIdeology, 0, u.extraIdeology, 0, extraIdeology.length);
            u.following = following;
            u.satisfaction = satisfaction;
            u.unsatisfiedStreak = unsatisfiedStreak;
            u.habit = habit;
            u.churned = churned;
        }
    }

    public int id() {
        return id;
    }

    /** Party identity: −1 or +1. */
    public int camp() {
        return camp;
    }

    public double ideology() {
        return ideology;
    }

    public double thermometer() {
        return thermometer;
    }

    public double thermometerIn() {
        return thermometerIn;
    }

    public double anger() {
        return anger;
    }

    public String segment() {
        return segment;
    }

    public double satisfaction() {
        return satisfaction;
    }

    /** Original posts written since the start of the run. */
    public int originalPosts() {
        return originalPosts;
    }

    /** Whether the user is still on the platform (has not churned). */
    public boolean active() {
        return !churned;
    }

    /** Accounts followed, ascending (a copy). */
    public int[] following() {
        return following.clone();
    }
}
