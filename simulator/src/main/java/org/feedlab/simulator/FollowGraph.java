package org.feedlab.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.feedlab.events.Seeds;

/**
 * The follow graph at creation: homophily plus softened preferential attachment, sampled in O(users
 * × candidates) rather than O(users × accounts) so a million users build in seconds.
 *
 * <p>Each user, in id order, draws a candidate set (every account when there are at most {@code
 * max(50, 10 F)} of them, otherwise that many uniform draws) and picks F of them without
 * replacement with probability proportional to the weight, by Efraimidis–Spirakis keys ln(U)/w
 * (Efraimidis and Spirakis 2006, "Weighted random sampling with a reservoir"). Creators: w =
 * exp(−h·d(x_u, x_c)) · (0.5 + interest in the creator's topic) · √(1 + followers); users: w =
 * exp(−h·d(x_u, x_v)) · √(1 + followers). Follower counts grow as users are processed, which is the
 * preferential attachment (Barabási and Albert 1999).
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
        for (User u : users) {
            int[] chosenCreators =
                    pick(
                            Seeds.derive(seed, u.id, -1, "follow"),
                            creators.length,
                            fc,
                            -1,
                            c ->
                                    Math.exp(
                                                    -config.follows().homophily()
                                                            * distance(
                                                                    u,
                                                                    creators[c].ideology(),
                                                                    creators[c].extraIdeology()))
                                            * (0.5 + u.topicInterest[creators[c].topic()])
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
                                            Math.exp(
                                                            -config.follows().homophily()
                                                                    * distance(
                                                                            u,
                                                                            users[v].ideology,
                                                                            users[v].extraIdeology))
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

    private static double distance(User u, double x, double[] extra) {
        double d0 = u.ideology - x;
        double sum = d0 * d0;
        int k = Math.min(u.extraIdeology.length, extra.length);
        for (int i = 0; i < k; i++) {
            double d = u.extraIdeology[i] - extra[i];
            sum += d * d;
        }
        return Math.sqrt(sum / (1 + k));
    }
}
