package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.VectorTuple;

class SparseRowSumTest {

    @Test
    void aHandMadeSumHoldsTheUnionOfEntriesInRowOrder() {
        SparseVector a = SparseVector.createSparseVector(10, new int[] {1, 4}, new double[] {1, 2});
        SparseVector b =
                SparseVector.createSparseVector(10, new int[] {0, 4, 9}, new double[] {3, 5, 7});
        SparseVector c = SparseVector.createSparseVector(10, new int[] {}, new double[] {});
        SparseVector d = SparseVector.createSparseVector(10, new int[] {9}, new double[] {-7});

        SparseVector sum = WideDeepParameters.sumRows(new SparseVector[] {a, b, c, d}, 4);

        assertEquals(10, sum.size());
        assertArrayEquals(new double[] {3, 1, 0, 0, 7, 0, 0, 0, 0, 0}, sum.toDenseArray());
        assertEquals(4, sum.numActiveElements(), "index 9 sums to zero and stays an entry");
        SparseVector firstTwo = WideDeepParameters.sumRows(new SparseVector[] {a, b, c, d}, 2);
        assertArrayEquals(new double[] {3, 1, 0, 0, 7, 0, 0, 0, 0, 7}, firstTwo.toDenseArray());
    }

    @Test
    void theSumIsBitForBitTribuosLeftToRightAdd() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int dim = 1 + random.nextInt(300);
            int size = 1 + random.nextInt(16);
            SparseVector[] parts = new SparseVector[size];
            for (int j = 0; j < size; j++) {
                TreeMap<Integer, Double> entries = new TreeMap<>();
                int n = random.nextInt(Math.min(dim, 40) + 1);
                for (int k = 0; k < n; k++) {
                    entries.put(random.nextInt(dim), random.nextDouble(-1, 1) * 1e-3);
                }
                parts[j] = SparseVector.createSparseVector(dim, entries);
            }
            SGDVector expected = parts[0];
            for (int j = 1; j < size; j++) {
                expected = expected.add(parts[j]);
            }
            SparseVector actual = WideDeepParameters.sumRows(parts, size);

            assertEquals(expected.numActiveElements(), actual.numActiveElements());
            var e = expected.iterator();
            for (VectorTuple t : actual) {
                VectorTuple u = e.next();
                assertEquals(u.index, t.index);
                assertEquals(Double.doubleToLongBits(u.value), Double.doubleToLongBits(t.value));
            }
        }
    }
}
