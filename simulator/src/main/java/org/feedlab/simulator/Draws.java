package org.feedlab.simulator;

import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.events.Seeds;

/** Draws the society needs beyond uniforms and normals, each from a given derived generator. */
final class Draws {
    private Draws() {}

    /**
     * A Poisson draw with the given mean: Knuth's multiplication method below 30, a rounded normal
     * approximation above (no account posts that much in a day by default).
     */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * Seeds.gaussian(r)));
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }

    /** A log-normal draw with the given median and log-scale standard deviation. */
    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * Math.exp(sigma * Seeds.gaussian(r));
    }

    /** A log-normal draw with the given mean and log-scale standard deviation. */
    static double logNormalWithMean(SplittableRandom r, double mean, double sigma) {
        return mean * Math.exp(sigma * Seeds.gaussian(r) - sigma * sigma / 2);
    }

    /** Shuffles {@code items} in place: Fisher–Yates (Durstenfeld), every order equally likely. */
    static <T> void shuffle(SplittableRandom r, List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }
}
