package org.feedlab.bench.trecs;

/**
 * The shape of a T-RECS content-filtering run (Lucherini, Sun, Winecoff and Narayanan, "T-RECS: A
 * Simulation Tool to Study the Societal Impact of Recommender Systems", 2021): its {@code
 * ContentFiltering} model with binary item attributes and hidden normal user profiles.
 *
 * @param users number of users
 * @param items number of items
 * @param attributes binary attributes per item (at most 30)
 * @param shown items shown to each user per step
 * @param steps steps to simulate
 * @param seed run seed: every draw comes from {@code Seeds.derive(seed, entity, tick, purpose)}
 */
public record TrecsConfig(int users, int items, int attributes, int shown, int steps, long seed) {
    /** T-RECS's benchmark shape: 10,000 users, 10,000 items, 20 attributes, 10 shown, 50 steps. */
    public static TrecsConfig defaults() {
        return new TrecsConfig(10_000, 10_000, 20, 10, 50, 1);
    }

    public TrecsConfig {
        require(users >= 1, "users must be at least 1");
        require(attributes >= 1 && attributes <= 30, "attributes must be between 1 and 30");
        require(shown >= 1, "shown must be at least 1");
        require(items >= shown, "items must be at least the number shown");
        require(steps >= 1, "steps must be at least 1");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
