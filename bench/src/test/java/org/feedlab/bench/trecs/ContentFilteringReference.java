package org.feedlab.bench.trecs;

import java.util.Arrays;

/**
 * T-RECS's content-filtering loop written the plain way, as a reference: a full users × items
 * interaction-count matrix, every item's predicted score by a loop over attributes, a full sort of
 * all items per user, and each refit building AᵀA and Aᵀc from scratch over all items.
 */
final class ContentFilteringReference {
    private final TrecsWorld world;
    private final TrecsConfig c;
    private final int[][] counts;
    private final double[] profiles;
    private int step;

    ContentFilteringReference(TrecsWorld world) {
        this.world = world;
        this.c = world.config();
        counts = new int[c.users()][c.items()];
        profiles = new double[c.users() * c.attributes()];
    }

    int[] step() {
        int t = step++;
        int[] consumed = new int[c.users()];
        for (int u = 0; u < c.users(); u++) {
            double[] score = new double[c.items()];
            long[] key = new long[c.items()];
            Integer[] order = new Integer[c.items()];
            long salt = world.tieSalt(u, t);
            for (int i = 0; i < c.items(); i++) {
                score[i] = world.score(profiles, u * c.attributes(), i);
                key[i] = TrecsWorld.tieKey(salt, i);
                order[i] = i;
            }
            Arrays.sort(
                    order,
                    (x, y) ->
                            TrecsWorld.before(score[x], key[x], x, score[y], key[y], y)
                                    ? -1
                                    : TrecsWorld.before(score[y], key[y], y, score[x], key[x], x)
                                            ? 1
                                            : 0);
            int chosen = order[0];
            for (int r = 1; r < c.shown(); r++) {
                if (world.trueScore(u, order[r]) > world.trueScore(u, chosen)) {
                    chosen = order[r];
                }
            }
            consumed[u] = chosen;
        }
        for (int u = 0; u < c.users(); u++) {
            counts[u][consumed[u]]++;
        }
        int a = c.attributes();
        for (int u = 0; u < c.users(); u++) {
            double[] g = new double[a * a];
            double[] d = new double[a];
            for (int i = 0; i < c.items(); i++) {
                int bits = world.itemBits(i);
                for (int j = 0; j < a; j++) {
                    double aij = bits >>> j & 1;
                    d[j] += aij * counts[u][i];
                    for (int k = 0; k < a; k++) {
                        g[j * a + k] += aij * (bits >>> k & 1);
                    }
                }
            }
            double[] x = new double[a];
            new Nnls(a).solve(g, d, x);
            System.arraycopy(x, 0, profiles, u * a, a);
        }
        return consumed;
    }

    double[] estimatedProfile(int user) {
        return Arrays.copyOfRange(profiles, user * c.attributes(), (user + 1) * c.attributes());
    }
}
