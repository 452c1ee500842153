package org.feedlab.bench.trecs;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API half of {@link ContentFiltering}'s item scan: gathers the half-sum table entries
 * of a vector of items, adds them (the same doubles as the scalar loop) and offers only the items
 * whose score reaches the current threshold, in item order. Loaded only when the JVM has {@code
 * jdk.incubator.vector}.
 */
final class TopScan {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private TopScan() {}

    /** Scans the items a whole vector at a time; returns the first item left to the scalar loop. */
    static int scan(
            int[] lowIndex,
            int[] highIndex,
            double[] lowTable,
            double[] highTable,
            ContentFiltering cf,
            ContentFiltering.Scratch s) {
        int bound = D.loopBound(lowIndex.length);
        for (int i = 0; i < bound; i += D.length()) {
            DoubleVector score =
                    DoubleVector.fromArray(D, lowTable, 0, lowIndex, i)
                            .add(DoubleVector.fromArray(D, highTable, 0, highIndex, i));
            VectorMask<Double> reach = score.compare(VectorOperators.GE, s.threshold);
            // anyTrue is an intrinsic on Java 17; VectorMask.toLong is not (it would allocate).
            if (reach.anyTrue()) {
                for (int item = i; item < i + D.length(); item++) {
                    cf.offer(s, lowTable[lowIndex[item]] + highTable[highIndex[item]], item);
                }
            }
        }
        return bound;
    }
}
