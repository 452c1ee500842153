package org.feedlab.ranker.model.widedeep;

import org.tribuo.math.la.SparseVector;

/**
 * One row of a sparse gradient: a Tribuo {@link SparseVector} built from entries already in index
 * order, so without {@link SparseVector#createSparseVector(int, int[], double[])}'s boxed sort, and
 * whose arrays the minibatch sum ({@link WideDeepParameters#sumSharedRows}) reads directly.
 */
final class SparseRow extends SparseVector {
    private static final long serialVersionUID = 1L;

    /**
     * @param size the dimension
     * @param indices distinct and ascending (copied)
     * @param values one per index (copied)
     */
    SparseRow(int size, int[] indices, double[] values) {
        super(size, indices, 0.0);
        if (values.length != indices.length) {
            throw new IllegalArgumentException(
                    indices.length + " indices and " + values.length + " values");
        }
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] < 0 || indices[j] >= size || j > 0 && indices[j] <= indices[j - 1]) {
                throw new IllegalArgumentException(
                        "indices must ascend within [0, " + size + "), found " + indices[j]);
            }
        }
        System.arraycopy(values, 0, this.values, 0, values.length);
    }

    /** The entries' indices, ascending (the row's own array: read only). */
    int[] indexArray() {
        return indices;
    }

    /** The entries' values (the row's own array: read only). */
    double[] valueArray() {
        return values;
    }
}
