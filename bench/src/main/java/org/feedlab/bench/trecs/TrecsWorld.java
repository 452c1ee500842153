package org.feedlab.bench.trecs;

import java.util.SplittableRandom;
import org.feedlab.events.Seeds;

/**
 * What a content-filtering run starts from, drawn from the run seed: each item's binary attributes
 * (Bernoulli ½, as T-RECS draws {@code binomial(1, 0.5)}), each user's hidden true profile
 * (standard normal, T-RECS's default {@code Users}), and the Gram matrix AᵀA of the item attribute
 * matrix that every user's least-squares refit shares. Also the two score definitions both
 * implementations use, so they compute the same doubles.
 */
public final class TrecsWorld {
    private final TrecsConfig config;

    /** Per item, its attributes as bits (bit j = attribute j). */
    private final int[] itemBits;

    /** [user][attribute]. */
    private final double[] trueProfiles;

    /** AᵀA, attributes × attributes. */
    private final double[] gram;

    private TrecsWorld(TrecsConfig config, int[] itemBits, double[] trueProfiles, double[] gram) {
        this.config = config;
        this.itemBits = itemBits;
        this.trueProfiles = trueProfiles;
        this.gram = gram;
    }

    public static TrecsWorld create(TrecsConfig config) {
        int a = config.attributes();
        int[] bits = new int[config.items()];
        for (int i = 0; i < bits.length; i++) {
            SplittableRandom rng = Seeds.derive(config.seed(), i, 0, "trecs-item-attributes");
            for (int j = 0; j < a; j++) {
                if (rng.nextDouble() < 0.5) {
                    bits[i] |= 1 << j;
                }
            }
        }
        double[] profiles = new double[config.users() * a];
        for (int u = 0; u < config.users(); u++) {
            SplittableRandom rng = Seeds.derive(config.seed(), u, 0, "trecs-true-profile");
            for (int j = 0; j < a; j++) {
                profiles[u * a + j] = Seeds.gaussian(rng);
            }
        }
        long[] counts = new long[a * a];
        for (int b : bits) {
            for (int j = 0; j < a; j++) {
                if ((b >>> j & 1) != 0) {
                    for (int k = 0; k < a; k++) {
                        counts[j * a + k] += b >>> k & 1;
                    }
                }
            }
        }
        double[] gram = new double[a * a];
        for (int i = 0; i < gram.length; i++) {
            gram[i] = counts[i];
        }
        return new TrecsWorld(config, bits, profiles, gram);
    }

    public TrecsConfig config() {
        return config;
    }

    /** Attribute bits of an item. */
    public int itemBits(int item) {
        return itemBits[item];
    }

    /** The Gram matrix AᵀA (shared, not to be modified). */
    double[] gram() {
        return gram;
    }

    /** Attributes in the low half of {@link #score}'s sum. */
    public int lowAttributes() {
        return (config.attributes() + 1) / 2;
    }

    /**
     * The inner product of a profile with an item's 0/1 attributes, summed in a fixed order: the
     * low half of the attributes in attribute order, the high half likewise, then the two halves
     * added. Floating-point sums depend on their order; fixing it lets a table lookup per half (the
     * optimised run) reproduce exactly what plain loops compute.
     */
    public double score(double[] profile, int offset, int item) {
        int bits = itemBits[item];
        int low = lowAttributes();
        double lowSum = 0.0;
        for (int j = 0; j < low; j++) {
            lowSum += profile[offset + j] * (bits >>> j & 1);
        }
        double highSum = 0.0;
        for (int j = low; j < config.attributes(); j++) {
            highSum += profile[offset + j] * (bits >>> j & 1);
        }
        return lowSum + highSum;
    }

    /** A user's true score for an item (their hidden profile · the item's attributes). */
    public double trueScore(int user, int item) {
        return score(trueProfiles, user * config.attributes(), item);
    }

    /**
     * The tie-break key of an item for a user at a step: predicted scores tie often (a profile with
     * few positive coordinates gives whole groups of items the same score, and every item scores 0
     * before the first refit), and T-RECS breaks ties at random. Here the order is a hash of the
     * item under a salt derived from (seed, user, step), so it is random but the same for any
     * thread count.
     */
    public static long tieKey(long salt, int item) {
        long z = salt + (item + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The salt of {@link #tieKey} for a user at a step. */
    public long tieSalt(int user, int step) {
        return Seeds.mix(config.seed(), user, step, "trecs-tie-break");
    }

    /**
     * Whether (score a, key a, item a) ranks before (score b, key b, item b): higher score first,
     * then lower key, then lower item id.
     */
    public static boolean before(
            double scoreA, long keyA, int itemA, double scoreB, long keyB, int itemB) {
        if (scoreA != scoreB) {
            return scoreA > scoreB;
        }
        if (keyA != keyB) {
            return keyA < keyB;
        }
        return itemA < itemB;
    }
}
