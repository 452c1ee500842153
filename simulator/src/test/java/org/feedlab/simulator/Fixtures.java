package org.feedlab.simulator;

/**
 * Users, posts and configurations for tests, built through the typed records and the package's
 * constructors: a test states the traits it depends on and leaves the rest neutral.
 */
final class Fixtures {
    private Fixtures() {}

    /** The defaults with another number of users and creators. */
    static SocietyConfig sized(int users, int creators) {
        SocietyConfig d = SocietyConfig.DEFAULTS;
        return d.withPopulation(d.population().withUsers(users).withCreators(creators));
    }

    /**
     * A user with neutral traits: latitudes of the default opinion group for its ideology, no
     * taste, every topic interest 0.5, appetite 1, anger threshold 3, thermometers 25 (out-party)
     * and 70 (in-party) at their baselines.
     */
    static User user(int id, int camp, double ideology) {
        User u =
                new User(
                        id,
                        camp,
                        ideology,
                        0,
                        SocietyConfig.Population.TOPICS,
                        SocietyConfig.Population.TASTE_DIMS);
        u.acceptance = Behaviour.acceptanceLatitude(ideology, SocietyConfig.Opinion.DEFAULTS);
        u.rejection = Behaviour.rejectionLatitude(ideology, SocietyConfig.Opinion.DEFAULTS);
        java.util.Arrays.fill(u.topicInterest, 0.5);
        u.activity = 0.8;
        u.hostilityAppetite = 1.0;
        u.angerThreshold = 3.0;
        u.thermometer = u.thermometerBaseline = 25.0;
        u.thermometerIn = u.thermometerInBaseline = 70.0;
        u.sessionsPerDay = 1.0;
        u.sessionBudget = 240.0;
        u.habit = SocietyConfig.Retention.HABIT_REFERENCE;
        u.satisfaction = SocietyConfig.Retention.SATISFACTION_REFERENCE;
        return u;
    }

    /** A political original post with a zero style. */
    static Content political(
            long id, int author, int camp, double stance, double hostility, double quality) {
        return new Content(
                id,
                author,
                0,
                Content.POLITICS,
                stance,
                camp,
                hostility,
                quality,
                false,
                new double[SocietyConfig.Population.TASTE_DIMS],
                -1,
                id,
                0,
                new double[0]);
    }

    /** A non-political original post with a zero style. */
    static Content nonPolitical(long id, int author, int topic, double quality) {
        return new Content(
                id,
                author,
                0,
                topic,
                0.0,
                0,
                0.0,
                quality,
                false,
                new double[SocietyConfig.Population.TASTE_DIMS],
                -1,
                id,
                0,
                new double[0]);
    }

    /** The same post from an untrustworthy source. */
    static Content untrustworthy(Content c) {
        return new Content(
                c.postId(),
                c.authorId(),
                c.tick(),
                c.topic(),
                c.stance(),
                c.camp(),
                c.hostility(),
                c.quality(),
                true,
                c.style(),
                c.parentPostId(),
                c.rootPostId(),
                c.depth(),
                c.extraStance());
    }

    /** The same post with another style. */
    static Content styled(Content c, double[] style) {
        return new Content(
                c.postId(),
                c.authorId(),
                c.tick(),
                c.topic(),
                c.stance(),
                c.camp(),
                c.hostility(),
                c.quality(),
                c.untrustworthy(),
                style,
                c.parentPostId(),
                c.rootPostId(),
                c.depth(),
                c.extraStance());
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
