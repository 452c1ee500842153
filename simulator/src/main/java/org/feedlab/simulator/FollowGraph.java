package org.feedlab.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.feedlab.events.Seeds;

/**
 * The follow graph: built at creation with camp homophily, taste and softened preferential
 * attachment, then changed by single follows, unfollows and follow-backs during the run.
 *
 * <p>Construction is sampled in O(users × candidates) rather than O(users × accounts), so a million
 * users build in seconds. Each user, in id order, draws a candidate set (every account when there
 * are at most {@code max(50, 10 F)} of them, otherwise that many uniform draws) and picks F of them
 * without replacement with probability proportional to the weight, by Efraimidis–Spirakis keys
 * ln(U)/w (Efraimidis and Spirakis 2006). Creators: w = e^(−h·1[other camp]) · I_i,topic · e^(p_i ·
 * s_c) · √(1 + followers); users: w = e^(−h·1[other camp]) · √(1 + followers). Non-political
 * creators have no camp, so they are never of the other camp. Follower counts grow as users are
 * processed, which is the preferential attachment (Barabási and Albert 1999).
 */
final class FollowGraph {
    private final SocietyConfig config;
    private final long seed;
    private final User[] users;
    private final Creator[] creators;

    FollowGraph(SocietyConfig config, long seed, User[] users, Creator[] creators) {
        this.config = config;
        this.seed = seed;
        this.users = users;
        this.creators = creators;
    }

    void build() {
        int[] creatorFollowers = new int[creators.length];
        int[] userFollowers = new int[users.length];
        int fc = Math.min(config.follows().creatorFollowsPerUser(), creators.length);
        int fu = Math.min(config.follows().userFollowsPerUser(), users.length - 1);
        double h = config.follows().campHomophily();
        for (User u : users) {
            int[] chosenCreators =
                    pick(
                            Seeds.derive(seed, u.id, -1, "follow"),
                            creators.length,
                            fc,
                            -1,
                            c ->
                                    Math.exp(-h * otherCamp(u, creators[c].camp()))
                                            * u.topicInterest[creators[c].topic()]
                                            * Math.exp(dot(u.taste, creators[c].style()))
                                            * Math.sqrt(1.0 + creatorFollowers[c]));
            int[] chosenUsers =
                    fu <= 0
                            ? new int[0]
                            : pick(
                                    Seeds.derive(seed, u.id, -1, "follow-users"),
                                    users.length,
                                    fu,
                                    u.id,
                                    v ->
                                            Math.exp(-h * otherCamp(u, users[v].camp))
                                                    * Math.sqrt(1.0 + userFollowers[v]));
            int[] following = new int[chosenCreators.length + chosenUsers.length];
            for (int k = 0; k < chosenCreators.length; k++) {
                following[k] = chosenCreators[k];
                creatorFollowers[chosenCreators[k]]++;
            }
            for (int k = 0; k < chosenUsers.length; k++) {
                following[chosenCreators.length + k] = creators.length + chosenUsers[k];
                userFollowers[chosenUsers[k]]++;
            }
            u.following = following;
        }
    }

    /** 1 when the account has a camp and it is not the user's, 0 otherwise. */
    private static double otherCamp(User u, int camp) {
        return camp != 0 && camp != u.camp ? 1.0 : 0.0;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Probability that a user followed by another user follows back: 0.14 for the same camp, 0.047
     * for the other (Mosleh et al. 2021: about three times more likely for co-partisans; the split
     * is derived from their linear-probability coefficient 0.093).
     */
    static double followBackProbability(User follower, User followed, SocietyConfig cfg) {
        return follower.camp == followed.camp
                ? cfg.follows().followBackSame()
                : cfg.follows().followBackOther();
    }

    /** Whether the user follows {@code account}. */
    static boolean follows(User u, int account) {
        return Arrays.binarySearch(u.following, account) >= 0;
    }

    /** Adds {@code account} to the user's follows; false when it was already there. */
    static boolean follow(User u, int account) {
        int at = Arrays.binarySearch(u.following, account);
        if (at >= 0) {
            return false;
        }
        int ins = -at - 1;
        int[] f = new int[u.following.length + 1];
        System.arraycopy(u.following, 0, f, 0, ins);
        f[ins] = account;
        System.arraycopy(u.following, ins, f, ins + 1, u.following.length - ins);
        u.following = f;
        return true;
    }

    /** Removes {@code account} from the user's follows; false when it was not there. */
    static boolean unfollow(User u, int account) {
        int at = Arrays.binarySearch(u.following, account);
        if (at < 0) {
            return false;
        }
        int[] f = new int[u.following.length - 1];
        System.arraycopy(u.following, 0, f, 0, at);
        System.arraycopy(u.following, at + 1, f, at, u.following.length - at - 1);
        u.following = f;
        return true;
    }

    /** Weight of an account index. */
    private interface Weight {
        double of(int account);
    }

    /** F distinct accounts in [0, n) other than {@code self}, ascending. */
    private static int[] pick(SplittableRandom r, int n, int f, int self, Weight weight) {
        int limit = Math.max(50, 10 * f);
        int[] candidates;
        int available = self >= 0 ? n - 1 : n;
        if (available <= limit) {
            candidates = new int[available];
            int k = 0;
            for (int a = 0; a < n; a++) {
                if (a != self) {
                    candidates[k++] = a;
                }
            }
        } else {
            int[] draws = new int[limit];
            int k = 0;
            while (k < limit) {
                int a = r.nextInt(n);
                if (a != self) {
                    draws[k++] = a;
                }
            }
            Arrays.sort(draws);
            candidates = Arrays.stream(draws).distinct().toArray();
        }
        int m = candidates.length;
        double[] keys = new double[m];
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            double w = weight.of(candidates[k]);
            keys[k] = w > 0 ? Math.log(1.0 - r.nextDouble()) / w : Double.NEGATIVE_INFINITY;
            order[k] = k;
        }
        // Largest keys win; ties (never in practice) break on the account id.
        Arrays.sort(
                order,
                (a, b) ->
                        keys[a] != keys[b]
                                ? Double.compare(keys[b], keys[a])
                                : Integer.compare(a, b));
        int[] chosen = new int[Math.min(f, m)];
        for (int k = 0; k < chosen.length; k++) {
            chosen[k] = candidates[order[k]];
        }
        Arrays.sort(chosen);
        return chosen;
    }
}
