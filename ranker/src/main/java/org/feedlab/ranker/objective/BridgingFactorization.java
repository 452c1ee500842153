package org.feedlab.ranker.objective;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.state.StateIO;

/**
 * Community-Notes-style matrix factorisation over user × post ratings (explicit judgements: 1
 * approve, 0 disapprove; see {@link ObjectiveState}), fitted deterministically: r̂_un = μ + i_u +
 * i_n + f_u·f_n with 1-D factors, minimising Σ (r − r̂)² + λ_i (i_u² + i_n² + μ²) + λ_f (f_u² +
 * f_n²) with λ_i = 0.15 = 5 × λ_f, λ_f = 0.03 (Wojcik et al. 2022, "Birdwatch: Crowd Wisdom and
 * Bridging Algorithms can Inform Understanding and Reduce the Spread of Misinformation"; the
 * Community Notes scoring code). The post intercept i_n is approval the viewpoint factor does not
 * explain: approval across the divide.
 *
 * <p>Fitted by exact coordinate descent (each parameter set to its closed-form minimiser with the
 * others fixed), in ascending id order, warm-started from the previous fit; new parameters start at
 * 0 except factors, drawn from {@code Seeds.derive(runSeed, id, 0, "bridging-factor")}. No draw
 * depends on arrival order, so the fit is the same in every engine.
 */
public final class BridgingFactorization {
    /** Regularisation of the intercepts and μ (5 × the factor λ, as in the published algorithm). */
    public static final double LAMBDA_INTERCEPT = 0.15;

    /** Regularisation of the factors. */
    public static final double LAMBDA_FACTOR = 0.03;

    /** Coordinate-descent sweeps per fit. */
    public static final int SWEEPS = 12;

    /** One approval (1) or disapproval (0) of a post by a user. */
    public record Rating(int user, long post, double value) {}

    private final long runSeed;
    private double mu;
    private final Map<Integer, double[]> users = new HashMap<>();
    private final Map<Long, double[]> posts = new HashMap<>();

    public BridgingFactorization(long runSeed) {
        this.runSeed = runSeed;
    }

    /**
     * Fits the ratings (any order; they are sorted first) and returns the intercept per post,
     * ascending by post id.
     */
    public PlatformSignals fit(List<Rating> given, PlatformSignals into) {
        List<Rating> ratings = new ArrayList<>(given);
        ratings.sort(
                (a, b) ->
                        a.user() != b.user()
                                ? Integer.compare(a.user(), b.user())
                                : Long.compare(a.post(), b.post()));
        int[] userIds = ratings.stream().mapToInt(Rating::user).distinct().sorted().toArray();
        long[] postIds = ratings.stream().mapToLong(Rating::post).distinct().sorted().toArray();
        int nu = userIds.length;
        int nn = postIds.length;
        double[] iu = new double[nu];
        double[] fu = new double[nu];
        double[] in = new double[nn];
        double[] fn = new double[nn];
        for (int u = 0; u < nu; u++) {
            double[] p = users.get(userIds[u]);
            iu[u] = p == null ? 0.0 : p[0];
            fu[u] = p == null ? initialFactor(userIds[u], "bridging-user") : p[1];
        }
        for (int n = 0; n < nn; n++) {
            double[] p = posts.get(postIds[n]);
            in[n] = p == null ? 0.0 : p[0];
            fn[n] = p == null ? initialFactor(postIds[n], "bridging-post") : p[1];
        }
        int m = ratings.size();
        int[] ru = new int[m];
        int[] rn = new int[m];
        double[] r = new double[m];
        for (int k = 0; k < m; k++) {
            Rating x = ratings.get(k);
            ru[k] = Arrays.binarySearch(userIds, x.user());
            rn[k] = Arrays.binarySearch(postIds, x.post());
            r[k] = x.value();
        }
        double[] a = new double[Math.max(nu, nn)];
        double[] b = new double[Math.max(nu, nn)];
        for (int sweep = 0; sweep < SWEEPS && m > 0; sweep++) {
            // μ
            double s = 0.0;
            for (int k = 0; k < m; k++) {
                s += r[k] - iu[ru[k]] - in[rn[k]] - fu[ru[k]] * fn[rn[k]];
            }
            mu = s / (m + LAMBDA_INTERCEPT);
            // user intercepts, then user factors
            Arrays.fill(a, 0, nu, 0.0);
            Arrays.fill(b, 0, nu, 0.0);
            for (int k = 0; k < m; k++) {
                a[ru[k]] += r[k] - mu - in[rn[k]] - fu[ru[k]] * fn[rn[k]];
                b[ru[k]] += 1.0;
            }
            for (int u = 0; u < nu; u++) {
                iu[u] = a[u] / (b[u] + LAMBDA_INTERCEPT);
            }
            Arrays.fill(a, 0, nu, 0.0);
            Arrays.fill(b, 0, nu, 0.0);
            for (int k = 0; k < m; k++) {
                double f = fn[rn[k]];
                a[ru[k]] += f * (r[k] - mu - iu[ru[k]] - in[rn[k]]);
                b[ru[k]] += f * f;
            }
            for (int u = 0; u < nu; u++) {
                fu[u] = a[u] / (b[u] + LAMBDA_FACTOR);
            }
            // post intercepts, then post factors
            Arrays.fill(a, 0, nn, 0.0);
            Arrays.fill(b, 0, nn, 0.0);
            for (int k = 0; k < m; k++) {
                a[rn[k]] += r[k] - mu - iu[ru[k]] - fu[ru[k]] * fn[rn[k]];
                b[rn[k]] += 1.0;
            }
            for (int n = 0; n < nn; n++) {
                in[n] = a[n] / (b[n] + LAMBDA_INTERCEPT);
            }
            Arrays.fill(a, 0, nn, 0.0);
            Arrays.fill(b, 0, nn, 0.0);
            for (int k = 0; k < m; k++) {
                double f = fu[ru[k]];
                a[rn[k]] += f * (r[k] - mu - iu[ru[k]] - in[rn[k]]);
                b[rn[k]] += f * f;
            }
            for (int n = 0; n < nn; n++) {
                fn[n] = a[n] / (b[n] + LAMBDA_FACTOR);
            }
        }
        users.clear();
        posts.clear();
        for (int u = 0; u < nu; u++) {
            users.put(userIds[u], new double[] {iu[u], fu[u]});
        }
        for (int n = 0; n < nn; n++) {
            posts.put(postIds[n], new double[] {in[n], fn[n]});
        }
        into.bridgingPosts = postIds;
        into.bridgingIntercepts = in;
        return into;
    }

    /** The global mean μ of the last fit. */
    public double mu() {
        return mu;
    }

    /** The factor f_n of a post in the last fit (0 if it had no ratings). */
    public double postFactor(long postId) {
        double[] p = posts.get(postId);
        return p == null ? 0.0 : p[1];
    }

    private double initialFactor(long id, String purpose) {
        return Seeds.derive(runSeed, id, 0, purpose).nextDouble(-0.1, 0.1);
    }

    /** Writes the last fit (μ, and each user's and post's intercept and factor), the warm start. */
    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(mu);
        StateIO.writeMap(out, users, DataOutput::writeInt, StateIO::writeDoubles);
        StateIO.writeMap(out, posts, DataOutput::writeLong, StateIO::writeDoubles);
    }

    /** Restores a fit written by {@link #writeTo}. */
    void readFrom(DataInput in) throws IOException {
        mu = in.readDouble();
        users.clear();
        posts.clear();
        StateIO.readMap(in, users, DataInput::readInt, StateIO::readDoubles);
        StateIO.readMap(in, posts, DataInput::readLong, StateIO::readDoubles);
    }
}
