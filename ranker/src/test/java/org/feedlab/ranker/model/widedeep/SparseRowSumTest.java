package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.VectorTuple;

class SparseRowSumTest {

    /** One example's gradient: rows over the same indices, values[r][k] at indices[k]. */
    private static DenseSparseMatrix part(int dim, int[] indices, double[]... values) {
        SparseVector[] rows = new SparseVector[values.length];
        for (int r = 0; r < values.length; r++) {
            rows[r] = new SparseRow(dim, indices, values[r]);
        }
        return new DenseSparseMatrix(Arrays.asList(rows));
    }

    @Test
    void aHandMadeSumHoldsTheUnionOfEntriesInExampleOrder() {
        DenseSparseMatrix a = part(10, new int[] {1, 4}, new double[] {1, 2}, new double[] {-1, 0});
        DenseSparseMatrix b =
                part(10, new int[] {0, 4, 9}, new double[] {3, 5, 7}, new double[] {0, 1, 2});
        DenseSparseMatrix c = part(10, new int[] {}, new double[] {}, new double[] {});
        DenseSparseMatrix d = part(10, new int[] {9}, new double[] {-7}, new double[] {-0.0});
        DenseSparseMatrix[] parts = {a, b, c, d};
        int[] positions = new int[10];

        DenseSparseMatrix sum = WideDeepParameters.sumSharedRows(parts, 4, positions);

        assertEquals(2, sum.getDimension1Size());
        assertEquals(10, sum.getDimension2Size());
        assertArrayEquals(new double[] {3, 1, 0, 0, 7, 0, 0, 0, 0, 0}, sum.getRow(0).toArray());
        assertArrayEquals(new double[] {0, -1, 0, 0, 1, 0, 0, 0, 0, 2}, sum.getRow(1).toArray());
        assertEquals(4, sum.getRow(0).numActiveElements(), "index 9 sums to zero, stays an entry");
        assertEquals(4, sum.getRow(1).numActiveElements(), "every row holds the union");
        assertArrayEquals(new int[10], positions, "the scratch is left zero");
        DenseSparseMatrix firstTwo = WideDeepParameters.sumSharedRows(parts, 2, positions);
        assertArrayEquals(
                new double[] {3, 1, 0, 0, 7, 0, 0, 0, 0, 7}, firstTwo.getRow(0).toArray());
        DenseSparseMatrix lone =
                WideDeepParameters.sumSharedRows(new DenseSparseMatrix[] {d}, 1, positions);
        assertEquals(
                Double.doubleToLongBits(-0.0),
                Double.doubleToLongBits(lone.getRow(1).get(9)),
                "an entry held by one example keeps its bits, a negative zero too");
    }

    @Test
    void theSumIsBitForBitTribuosLeftToRightAddOfEachRow() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int dim = 1 + random.nextInt(300);
            int size = 1 + random.nextInt(16);
            int rows = 1 + random.nextInt(11);
            DenseSparseMatrix[] parts = new DenseSparseMatrix[size];
            for (int j = 0; j < size; j++) {
                TreeSet<Integer> entries = new TreeSet<>();
                int n = random.nextInt(Math.min(dim, 40) + 1);
                for (int k = 0; k < n; k++) {
                    entries.add(random.nextInt(dim));
                }
                int[] indices = entries.stream().mapToInt(Integer::intValue).toArray();
                double[][] values = new double[rows][indices.length];
                for (double[] row : values) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] = random.nextDouble(-1, 1) * 1e-3;
                    }
                }
                parts[j] = part(dim, indices, values);
            }
            int[] positions = new int[dim + random.nextInt(3)];

            DenseSparseMatrix actual = WideDeepParameters.sumSharedRows(parts, size, positions);

            assertArrayEquals(new int[positions.length], positions);
            for (int r = 0; r < rows; r++) {
                SGDVector expected = parts[0].getRow(r);
                for (int j = 1; j < size; j++) {
                    expected = expected.add(parts[j].getRow(r));
                }
                SparseVector row = actual.getRow(r);
                assertEquals(expected.numActiveElements(), row.numActiveElements());
                var e = expected.iterator();
                for (VectorTuple t : row) {
                    VectorTuple w = e.next();
                    assertEquals(w.index, t.index);
                    assertEquals(
                            Double.doubleToLongBits(w.value), Double.doubleToLongBits(t.value));
                }
            }
        }
    }

    @Test
    void rowsOfOneExampleOverOtherIndicesAreRefused() {
        DenseSparseMatrix mixed =
                new DenseSparseMatrix(
                        Arrays.asList(
                                new SparseRow(5, new int[] {1, 2}, new double[] {1, 1}),
                                new SparseRow(5, new int[] {1, 3}, new double[] {1, 1})));

        assertThrows(
                IllegalArgumentException.class,
                () ->
                        WideDeepParameters.sumSharedRows(
                                new DenseSparseMatrix[] {mixed}, 1, new int[5]));
    }

    @Test
    void aRowRefusesIndicesOutOfOrderOrRange() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SparseRow(5, new int[] {2, 1}, new double[] {1, 1}));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SparseRow(5, new int[] {1, 1}, new double[] {1, 1}));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SparseRow(5, new int[] {5}, new double[] {1}));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SparseRow(5, new int[] {1}, new double[] {1, 2}));
    }
}
