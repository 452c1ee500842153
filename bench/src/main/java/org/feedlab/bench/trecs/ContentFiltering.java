package org.feedlab.bench.trecs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * T-RECS's {@code ContentFiltering} loop, fast: every step each user is shown the {@code shown}
 * items with the highest predicted score (estimated profile · item attributes) over all items, and
 * consumes the one with the highest true score among them; then each user's estimated profile is
 * refit by non-negative least squares on their cumulative interactions.
 *
 * <p>As in T-RECS ({@code ContentFiltering.train}: {@code nnls(item_attributes.T,
 * user_interactions)}), the refit regresses the user's interaction counts over all items (zero for
 * items never consumed) on the item attributes, so it needs only AᵀA, shared, and Aᵀc, which grows
 * by the consumed item's attributes each step: no interaction matrix is kept. Items can be shown
 * and consumed again (T-RECS's default {@code repeated_items=True}); before the first refit every
 * profile is zero, every item ties, and the tie-break shows random items.
 *
 * <p>Speed: a predicted score is one sum per half of the attributes, so per user and step two
 * tables of all half-sums (2<sup>10</sup> entries each for 20 attributes) turn each item's score
 * into two lookups and an add, the same doubles as the plain dot product ({@link
 * TrecsWorld#score}); with the Vector API ({@link TopScan}) eight items at a time are gathered,
 * added and compared with the current threshold, and only the few that reach it go to the top list,
 * a small sorted array (in item order, so the list is the same as the scalar loop's). Users are
 * independent within a step, so they are split over threads; each user's result depends on its own
 * state alone, so the run is the same for any thread count.
 */
public final class ContentFiltering implements AutoCloseable {
    private final TrecsWorld world;
    private final TrecsConfig config;
    private final int attributes;
    private final int low;
    private final int[] lowIndex;
    private final int[] highIndex;

    /** [user][attribute]: estimated profiles. */
    private final double[] profiles;

    /** [user][attribute]: Aᵀc, the attribute counts of each user's consumed items. */
    private final double[] consumedAttributes;

    private final ExecutorService pool;
    private final int chunks;
    private final ThreadLocal<Scratch> scratch;
    private final boolean vector;
    private int step;

    /** Per-thread buffers and the top list of the user being served. */
    final class Scratch {
        long salt;
        int filled;
        double threshold;

        final double[] lowTable = new double[1 << low];
        final double[] highTable = new double[1 << (attributes - low)];
        final double[] topScore = new double[config.shown()];
        final long[] topKey = new long[config.shown()];
        final int[] topItem = new int[config.shown()];
        final double[] x = new double[attributes];
        final double[] d = new double[attributes];
        final Nnls nnls = new Nnls(attributes);
    }

    /** A run with the Vector API scan when the JVM has the module, the scalar loop otherwise. */
    public ContentFiltering(TrecsWorld world, int threads) {
        this(world, threads, ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    }

    /** A run with the Vector API scan ({@code vectorScan}) or the scalar loop alone. */
    ContentFiltering(TrecsWorld world, int threads, boolean vectorScan) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.world = world;
        this.config = world.config();
        attributes = config.attributes();
        low = world.lowAttributes();
        lowIndex = new int[config.items()];
        highIndex = new int[config.items()];
        for (int i = 0; i < config.items(); i++) {
            lowIndex[i] = world.itemBits(i) & ((1 << low) - 1);
            highIndex[i] = world.itemBits(i) >>> low;
        }
        profiles = new double[config.users() * attributes];
        consumedAttributes = new double[config.users() * attributes];
        pool = Executors.newFixedThreadPool(threads);
        chunks = Math.min(config.users(), threads * 16);
        scratch = ThreadLocal.withInitial(Scratch::new);
        vector = vectorScan;
    }

    /** Runs one step; returns the item each user consumed. */
    public int[] step() throws InterruptedException {
        int[] consumed = new int[config.users()];
        int t = step++;
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) config.users() * c / chunks);
            int to = (int) ((long) config.users() * (c + 1) / chunks);
            done.add(pool.submit(() -> users(t, from, to, consumed)));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return consumed;
    }

    /** A user's estimated profile after the steps run so far. */
    public double[] estimatedProfile(int user) {
        double[] p = new double[attributes];
        System.arraycopy(profiles, user * attributes, p, 0, attributes);
        return p;
    }

    private void users(int t, int from, int to, int[] consumed) {
        Scratch s = scratch.get();
        for (int u = from; u < to; u++) {
            int shown = top(u, t, s);
            int chosen = s.topItem[0];
            double best = world.trueScore(u, chosen);
            for (int r = 1; r < shown; r++) {
                double v = world.trueScore(u, s.topItem[r]);
                if (v > best) {
                    best = v;
                    chosen = s.topItem[r];
                }
            }
            consumed[u] = chosen;
            int bits = world.itemBits(chosen);
            int at = u * attributes;
            for (int j = 0; j < attributes; j++) {
                consumedAttributes[at + j] += bits >>> j & 1;
            }
            refit(u, s);
        }
    }

    private void refit(int u, Scratch s) {
        int at = u * attributes;
        System.arraycopy(consumedAttributes, at, s.d, 0, attributes);
        s.nnls.solve(world.gram(), s.d, s.x);
        System.arraycopy(s.x, 0, profiles, at, attributes);
    }

    /** Fills the scratch's top arrays with user u's best items at step t; returns how many. */
    private int top(int u, int t, Scratch s) {
        int at = u * attributes;
        halfSums(profiles, at, s.lowTable);
        halfSums(profiles, at + low, s.highTable);
        s.salt = world.tieSalt(u, t);
        s.filled = 0;
        s.threshold = Double.NEGATIVE_INFINITY;
        if (zero(at)) {
            return topByKey(s);
        }
        int from = vector ? TopScan.scan(lowIndex, highIndex, s.lowTable, s.highTable, this, s) : 0;
        double[] lowTable = s.lowTable;
        double[] highTable = s.highTable;
        for (int i = from; i < lowIndex.length; i++) {
            double score = lowTable[lowIndex[i]] + highTable[highIndex[i]];
            if (score >= s.threshold) {
                offer(s, score, i);
            }
        }
        return s.filled;
    }

    private boolean zero(int at) {
        for (int j = 0; j < attributes; j++) {
            if (profiles[at + j] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Before the first refit every profile is zero and every item scores 0.0: the top list is the
     * items with the smallest tie keys (then ids), the same list {@link #offer} would build, found
     * without the scores.
     */
    private int topByKey(Scratch s) {
        int k = config.shown();
        long[] topKey = s.topKey;
        int[] topItem = s.topItem;
        int filled = 0;
        for (int i = 0; i < lowIndex.length; i++) {
            long key = TrecsWorld.tieKey(s.salt, i);
            if (filled == k && key >= topKey[k - 1]) {
                continue;
            }
            int p = filled < k ? filled++ : k - 1;
            while (p > 0 && key < topKey[p - 1]) {
                topKey[p] = topKey[p - 1];
                topItem[p] = topItem[p - 1];
                p--;
            }
            topKey[p] = key;
            topItem[p] = i;
        }
        Arrays.fill(s.topScore, 0, filled, 0.0);
        s.filled = filled;
        return filled;
    }

    /**
     * Offers item i with its predicted score to the user's top list: kept in order (score, then tie
     * key, then item), the last one dropped when the list is full.
     */
    void offer(Scratch s, double score, int i) {
        int k = config.shown();
        if (score < s.threshold) {
            return;
        }
        long key = TrecsWorld.tieKey(s.salt, i);
        double[] topScore = s.topScore;
        long[] topKey = s.topKey;
        int[] topItem = s.topItem;
        if (s.filled == k
                && !TrecsWorld.before(
                        score, key, i, topScore[k - 1], topKey[k - 1], topItem[k - 1])) {
            return;
        }
        int p = s.filled < k ? s.filled++ : k - 1;
        while (p > 0
                && TrecsWorld.before(
                        score, key, i, topScore[p - 1], topKey[p - 1], topItem[p - 1])) {
            topScore[p] = topScore[p - 1];
            topKey[p] = topKey[p - 1];
            topItem[p] = topItem[p - 1];
            p--;
        }
        topScore[p] = score;
        topKey[p] = key;
        topItem[p] = i;
        if (s.filled == k) {
            s.threshold = topScore[k - 1];
        }
    }

    /**
     * table[m] = the sum of profile[offset + j] over the bits j of m in ascending order, starting
     * from 0.0: table[m] = table[m without its highest bit] + profile[offset + highest bit], which
     * is exactly that sequential sum.
     */
    private static void halfSums(double[] profile, int offset, double[] table) {
        table[0] = 0.0;
        for (int m = 1; m < table.length; m++) {
            int h = 31 - Integer.numberOfLeadingZeros(m);
            table[m] = table[m ^ (1 << h)] + profile[offset + h];
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
