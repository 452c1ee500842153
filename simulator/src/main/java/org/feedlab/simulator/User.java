package org.feedlab.simulator;

/**
 * A user's hidden state: what the platform never sees (except the declared segment, which a
 * platform holds as the declared age group).
 *
 * <p>Mutable: the society updates it in place as the user reads.
 */
public final class User {
    /** Segment names, in the order metrics report them after "all". */
    public static final String ADULT = "adult";

    public static final String YOUNG = "young";

    final int id;

    /** Ideology x in [-1, 1] on the first (left–right) axis. */
    double ideology;

    /** Ideology on the further axes 2..d, empty when d = 1. */
    final double[] extraIdeology;

    /** Interest per topic in [0, 1], the favourite topic at 1. */
    final double[] topicInterest;

    /** Probability of opening the app in a tick (habit), before satisfaction moves it. */
    final double activity;

    /** How much outrage raises this user's engagement. */
    final double outrageAppetite;

    /** Anger above which the user closes the app. */
    final double angerTolerance;

    /** Current anger; decays between ticks. */
    double anger;

    /** Feeling thermometer toward the out-group, 0 (cold) to 100 (warm). */
    double thermometer;

    /** Feeling thermometer toward the in-group, 0 to 100. */
    double thermometerIn;

    /** Accounts followed (creators, then users offset by the creator count), ascending. */
    int[] following;

    /** Segment: {@link #ADULT} or {@link #YOUNG}. */
    String segment = ADULT;

    /** Multiplier of appetite-, anger- and opinion-related sensitivities (1 for adults). */
    double susceptibility = 1.0;

    /** Seconds the user is willing to spend in one session. */
    double sessionBudget = 90.0;

    /** Stated weights on quality, calm and variety, summing to 1. */
    double statedQuality = 0.4;

    double statedCalm = 0.35;
    double statedVariety = 0.25;

    /** Moving average of session satisfaction in [0, 1]. */
    double satisfaction = 0.55;

    /** Consecutive sessions below the churn threshold. */
    int unsatisfiedStreak;

    /** Moving average of the share of items engaged with per session (the habit's reward). */
    double habit = 0.3;

    /** Whether the user has left the platform for good. */
    boolean churned;

    User(
            int id,
            double ideology,
            double[] topicInterest,
            double activity,
            double outrageAppetite,
            double angerTolerance,
            double thermometer) {
        this(
                id,
                ideology,
                new double[0],
                topicInterest,
                activity,
                outrageAppetite,
                angerTolerance,
                thermometer);
    }

    User(
            int id,
            double ideology,
            double[] extraIdeology,
            double[] topicInterest,
            double activity,
            double outrageAppetite,
            double angerTolerance,
            double thermometer) {
        this.id = id;
        this.ideology = ideology;
        this.extraIdeology = extraIdeology;
        this.topicInterest = topicInterest;
        this.activity = activity;
        this.outrageAppetite = outrageAppetite;
        this.angerTolerance = angerTolerance;
        this.thermometer = thermometer;
        this.thermometerIn = 80.0;
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

    /** Whether the user is still on the platform (has not churned). */
    public boolean active() {
        return !churned;
    }

    /** Accounts followed, ascending (a copy). */
    public int[] following() {
        return following.clone();
    }

    /** Which side of the divide the user is on: −1 or +1. */
    public int side() {
        return ideology < 0 ? -1 : 1;
    }
}
