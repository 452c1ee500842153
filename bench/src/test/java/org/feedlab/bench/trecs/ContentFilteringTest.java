package org.feedlab.bench.trecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fast content-filtering run consumes exactly the items the plain reference does, every step,
 * for any thread count; and the loop does what T-RECS's does.
 */
class ContentFilteringTest {
    private static final TrecsConfig SMALL = new TrecsConfig(50, 200, 20, 10, 12, 7);

    @Test
    void fastRunConsumesExactlyWhatThePlainReferenceDoes() throws Exception {
        TrecsWorld world = TrecsWorld.create(SMALL);
        ContentFilteringReference reference = new ContentFilteringReference(world);
        try (ContentFiltering one = new ContentFiltering(world, 1, true);
                ContentFiltering three = new ContentFiltering(world, 3, true);
                ContentFiltering scalar = new ContentFiltering(world, 2, false)) {
            for (int t = 0; t < SMALL.steps(); t++) {
                int[] expected = reference.step();
                assertArrayEquals(expected, one.step(), "step " + t + ", one thread");
                assertArrayEquals(expected, three.step(), "step " + t + ", three threads");
                assertArrayEquals(expected, scalar.step(), "step " + t + ", scalar scan");
            }
            for (int u = 0; u < SMALL.users(); u++) {
                assertArrayEquals(reference.estimatedProfile(u), one.estimatedProfile(u), 0.0);
            }
        }
    }

    @Test
    void fewerAttributesAndAnOddSplitAgreeToo() throws Exception {
        TrecsConfig odd = new TrecsConfig(13, 40, 7, 3, 6, 2);
        TrecsWorld world = TrecsWorld.create(odd);
        ContentFilteringReference reference = new ContentFilteringReference(world);
        try (ContentFiltering fast = new ContentFiltering(world, 2)) {
            for (int t = 0; t < odd.steps(); t++) {
                assertArrayEquals(reference.step(), fast.step(), "step " + t);
            }
        }
    }

    @Test
    void firstStepShowsRandomItemsAndLaterStepsFollowTheRefitProfile() throws Exception {
        TrecsWorld world = TrecsWorld.create(SMALL);
        try (ContentFiltering cf = new ContentFiltering(world, 2)) {
            int[] first = cf.step();
            // Zero profiles: every item ties, the tie-break spreads users over many items.
            Set<Integer> distinct = new HashSet<>();
            for (int item : first) {
                distinct.add(item);
            }
            assertTrue(distinct.size() > 30, "distinct first items " + distinct.size());
            // After one consumption, the refit profile is the NNLS fit of one count on that
            // item's attributes: non-negative, and positive somewhere on its attributes.
            double[] p = cf.estimatedProfile(0);
            int bits = world.itemBits(first[0]);
            boolean positiveOnItem = false;
            for (int j = 0; j < p.length; j++) {
                assertTrue(p[j] >= 0.0);
                positiveOnItem |= p[j] > 0 && (bits >>> j & 1) != 0;
            }
            assertTrue(positiveOnItem);
            // The user consumed the best of what was shown, by true score: mean true score of
            // consumed items beats the mean over all items.
            double mean = 0.0;
            for (int u = 0; u < SMALL.users(); u++) {
                mean += world.trueScore(u, first[u]) / SMALL.users();
            }
            double all = 0.0;
            for (int u = 0; u < SMALL.users(); u++) {
                for (int i = 0; i < SMALL.items(); i++) {
                    all += world.trueScore(u, i) / SMALL.users() / SMALL.items();
                }
            }
            assertTrue(mean > all + 0.5, "consumed " + mean + " vs all " + all);
        }
    }

    @Test
    void benchDigestDoesNotDependOnThreads() throws Exception {
        TrecsConfig c = new TrecsConfig(300, 500, 20, 10, 4, 11);
        TrecsBench.Result a = TrecsBench.run(c, 1);
        TrecsBench.Result b = TrecsBench.run(c, 2);
        assertEquals(a.digest(), b.digest());
        assertEquals(4, a.stepSeconds().length);
        assertNotEquals(
                a.digest(), TrecsBench.run(new TrecsConfig(300, 500, 20, 10, 4, 12), 2).digest());
    }

    @Test
    void worldIsSeededAndBernoulliHalf() {
        TrecsWorld a = TrecsWorld.create(SMALL);
        TrecsWorld b = TrecsWorld.create(SMALL);
        long ones = 0;
        for (int i = 0; i < SMALL.items(); i++) {
            assertEquals(a.itemBits(i), b.itemBits(i));
            ones += Integer.bitCount(a.itemBits(i));
        }
        double share = ones / (double) (SMALL.items() * SMALL.attributes());
        assertEquals(0.5, share, 0.03);
        assertEquals(a.trueScore(3, 5), b.trueScore(3, 5), 0.0);
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrecsConfig(0, 10, 20, 10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrecsConfig(1, 9, 20, 10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrecsConfig(1, 10, 31, 10, 1, 1));
    }
}
