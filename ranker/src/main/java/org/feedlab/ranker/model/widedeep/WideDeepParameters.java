package org.feedlab.ranker.model.widedeep;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.feedlab.ranker.state.StateIO;
import org.tribuo.math.FeedForwardParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;
import org.tribuo.math.protos.ParametersProto;

/**
 * The weights of a wide&amp;deep network (Cheng et al. 2016, "Wide &amp; Deep Learning for
 * Recommender Systems") in Tribuo's SGD framework: logits = W<sub>wide</sub>·x +
 * W<sub>out</sub>·MLP([numeric x; embeddings of the one-hot fields]), one logit per head.
 *
 * <p>Tensor order (what optimisers see): [0] wide H×(F+1) with the bias in the last column, [1..]
 * one embedding table per categorical field (stored transposed, d × cardinality), then per hidden
 * layer its weights (out × in) and bias, and last the output layer H × h<sub>last</sub>. Gradients
 * follow Tribuo's convention: the objective hands over the negative loss gradient and updates are
 * added.
 */
public final class WideDeepParameters implements FeedForwardParameters {
    private static final long serialVersionUID = 1L;

    private final Layout layout;
    private final int heads;
    private final int embeddingDim;
    private final int[] hidden;
    private final InputScale inputScale;
    private Tensor[] weights;

    /**
     * Forward-pass cache: {@code gradients} gets only dLoss/dOutput and the input, so the trainer's
     * predict-then-gradients sequence reuses the activations of the last input (by identity). Only
     * used while {@link #training} is on; serving uses {@link #predict} alone.
     */
    private transient SGDVector cachedInput;

    private transient double[][] cachedActivations;
    private transient boolean training;
    private transient int[][] inputs;

    /** Scratch of {@link #merge}: a position per index of a sparse tensor's rows, kept zero. */
    private transient int[] positions;

    /**
     * A fresh network with seeded random weights.
     *
     * @param inputScale how the deep part standardises the layout's numeric inputs
     */
    WideDeepParameters(
            Layout layout,
            int heads,
            int embeddingDim,
            int[] hidden,
            InputScale inputScale,
            SplittableRandom rng) {
        if (inputScale.shift().length != layout.numericIds().length) {
            throw new IllegalArgumentException(
                    "input scale has "
                            + inputScale.shift().length
                            + " inputs, the layout "
                            + layout.numericIds().length);
        }
        this.layout = layout;
        this.heads = heads;
        this.embeddingDim = embeddingDim;
        this.hidden = hidden.clone();
        this.inputScale = inputScale;
        Random gaussian = new Random(rng.nextLong());
        int fields = layout.fieldIds().length;
        weights = new Tensor[1 + fields + 2 * hidden.length + 1];
        weights[0] = new DenseMatrix(heads, layout.features() + 1);
        for (int f = 0; f < fields; f++) {
            weights[1 + f] =
                    initTransposed(
                            gaussian,
                            layout.fieldIds()[f].length,
                            embeddingDim,
                            1.0 / Math.sqrt(embeddingDim));
        }
        int in = layout.deepInputs(embeddingDim);
        for (int l = 0; l < hidden.length; l++) {
            // He initialisation for ReLU layers.
            weights[layerWeights(l)] = init(gaussian, hidden[l], in, Math.sqrt(2.0 / in));
            weights[layerWeights(l) + 1] = new DenseVector(hidden[l]);
            in = hidden[l];
        }
        // The output layer starts at zero, so the untrained deep part adds nothing to the logits
        // and the model starts as its wide (linear) part; the deep part only moves the logits
        // as far as the gradients of the heads push it (its hidden layers start learning after
        // the first update).
        weights[weights.length - 1] = new DenseMatrix(heads, in);
    }

    private WideDeepParameters(WideDeepParameters other) {
        this.layout = other.layout;
        this.heads = other.heads;
        this.embeddingDim = other.embeddingDim;
        this.hidden = other.hidden.clone();
        this.inputScale = other.inputScale;
        this.weights = new Tensor[other.weights.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = other.weights[i].copy();
        }
    }

    /** Restores weights read by {@link #fromBytes}. */
    private WideDeepParameters(
            Layout layout, int heads, int embeddingDim, int[] hidden, InputScale inputScale) {
        this.layout = layout;
        this.heads = heads;
        this.embeddingDim = embeddingDim;
        this.hidden = hidden;
        this.inputScale = inputScale;
    }

    private static DenseMatrix init(Random rng, int rows, int cols, double scale) {
        DenseMatrix m = new DenseMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, rng.nextGaussian() * scale);
            }
        }
        return m;
    }

    /**
     * A d × cardinality embedding table drawn row by row of the cardinality × d table it stands
     * for: stored transposed so that one example's gradient is d sparse rows (one entry per active
     * slot), whatever the cardinality of the field (hashed ids have thousands of buckets).
     */
    private static DenseMatrix initTransposed(Random rng, int card, int d, double scale) {
        DenseMatrix m = new DenseMatrix(d, card);
        for (int i = 0; i < card; i++) {
            for (int j = 0; j < d; j++) {
                m.set(j, i, rng.nextGaussian() * scale);
            }
        }
        return m;
    }

    /**
     * Where each feature id enters the network: [0] its numeric input or -1, [1] its field or -1,
     * [2] its slot in the field. Derived from the layout, rebuilt after deserialization.
     */
    private int[][] inputs() {
        int[][] in = inputs;
        if (in == null) {
            int n = layout.features();
            in = new int[3][n];
            Arrays.fill(in[0], -1);
            Arrays.fill(in[1], -1);
            int[] numeric = layout.numericIds();
            for (int i = 0; i < numeric.length; i++) {
                in[0][numeric[i]] = i;
            }
            for (int f = 0; f < layout.fieldIds().length; f++) {
                int[] ids = layout.fieldIds()[f];
                for (int k = 0; k < ids.length; k++) {
                    if (ids[k] >= 0) {
                        in[1][ids[k]] = f;
                        in[2][ids[k]] = k;
                    }
                }
            }
            inputs = in;
        }
        return in;
    }

    private int layerWeights(int l) {
        return 1 + layout.fieldIds().length + 2 * l;
    }

    Layout layout() {
        return layout;
    }

    int heads() {
        return heads;
    }

    int embeddingDim() {
        return embeddingDim;
    }

    int[] hidden() {
        return hidden.clone();
    }

    /** How the deep part standardises its numeric inputs. */
    InputScale inputScale() {
        return inputScale;
    }

    void setTraining(boolean training) {
        this.training = training;
        cachedInput = null;
        cachedActivations = null;
    }

    /** Wide weights [heads][features + 1], bias last. */
    DenseMatrix wide() {
        return (DenseMatrix) weights[0];
    }

    DenseMatrix embedding(int field) {
        return (DenseMatrix) weights[1 + field];
    }

    DenseMatrix layer(int l) {
        return (DenseMatrix) weights[layerWeights(l)];
    }

    DenseVector layerBias(int l) {
        return (DenseVector) weights[layerWeights(l) + 1];
    }

    DenseMatrix output() {
        return (DenseMatrix) weights[weights.length - 1];
    }

    /**
     * The forward pass over the example's non-zero entries (the bias entry, id F, feeds the wide
     * part only): [0] the wide logits, [1] MLP input a0, [2..] each hidden layer's activations,
     * [last] the deep part's logits (without the wide part).
     */
    private double[][] forward(SGDVector example) {
        int[][] in = inputs();
        int features = layout.features();
        double[][] acts = new double[hidden.length + 3][];
        int nNum = layout.numericIds().length;
        double[] a = new double[layout.deepInputs(embeddingDim)];
        // Absent numeric inputs are zeros, standardised like any other value.
        for (int i = 0; i < nNum; i++) {
            a[i] = inputScale.apply(i, 0.0);
        }
        DenseMatrix w = wide();
        double[] wideLogits = new double[heads];
        for (VectorTuple t : example) {
            double v = t.value;
            for (int h = 0; h < heads; h++) {
                wideLogits[h] += w.get(h, t.index) * v;
            }
            if (t.index >= features) {
                continue;
            }
            int num = in[0][t.index];
            if (num >= 0) {
                a[num] = inputScale.apply(num, v);
            } else if (in[1][t.index] >= 0 && v != 0.0) {
                int f = in[1][t.index];
                int k = in[2][t.index];
                DenseMatrix e = embedding(f);
                int base = nNum + f * embeddingDim;
                for (int d = 0; d < embeddingDim; d++) {
                    a[base + d] += v * e.get(d, k);
                }
            }
        }
        acts[0] = wideLogits;
        acts[1] = a;
        for (int l = 0; l < hidden.length; l++) {
            DenseMatrix wl = layer(l);
            DenseVector b = layerBias(l);
            double[] z = new double[hidden[l]];
            for (int o = 0; o < z.length; o++) {
                double s = b.get(o);
                for (int i = 0; i < a.length; i++) {
                    s += wl.get(o, i) * a[i];
                }
                z[o] = s > 0.0 ? s : 0.0;
            }
            a = z;
            acts[2 + l] = a;
        }
        DenseMatrix out = output();
        double[] deep = new double[heads];
        for (int h = 0; h < heads; h++) {
            double s = 0.0;
            for (int i = 0; i < a.length; i++) {
                s += out.get(h, i) * a[i];
            }
            deep[h] = s;
        }
        acts[acts.length - 1] = deep;
        return acts;
    }

    @Override
    public DenseVector predict(SGDVector example) {
        double[][] acts = forward(example);
        if (training) {
            cachedInput = example;
            cachedActivations = acts;
        }
        double[] logits = acts[0];
        double[] deep = acts[acts.length - 1];
        DenseVector out = new DenseVector(heads);
        for (int h = 0; h < heads; h++) {
            out.set(h, logits[h] + deep[h]);
        }
        return out;
    }

    /** The deep part's logits alone, for explanations. */
    double[] deepLogits(SGDVector example) {
        double[][] acts = forward(example);
        return acts[acts.length - 1];
    }

    @Override
    public Tensor[] gradients(Pair<Double, SGDVector> score, SGDVector features) {
        double[][] acts =
                training && cachedInput == features ? cachedActivations : forward(features);
        SGDVector g = score.getB();
        double[] gh = new double[heads];
        for (int h = 0; h < heads; h++) {
            gh[h] = g.get(h);
        }
        Tensor[] grads = new Tensor[weights.length];
        // Sparse gradients: one entry per non-zero input, so a step costs what the example holds,
        // not the size of the tables (hashed ids have thousands of buckets). The rows of each
        // sparse tensor hold the same indices (the example's), so merge finds their union once.
        int active = features.numActiveElements();
        int[] idx = new int[active];
        double[] val = new double[active];
        int n = 0;
        for (VectorTuple t : features) {
            idx[n] = t.index;
            val[n++] = t.value;
        }
        SparseVector[] wideRows = new SparseVector[heads];
        double[] row = new double[n];
        for (int h = 0; h < heads; h++) {
            for (int j = 0; j < n; j++) {
                row[j] = gh[h] * val[j];
            }
            wideRows[h] = new SparseRow(layout.features() + 1, idx, row);
        }
        grads[0] = new DenseSparseMatrix(Arrays.asList(wideRows));
        // Output layer.
        double[] aLast = acts[acts.length - 2];
        DenseMatrix out = output();
        DenseMatrix gOut = new DenseMatrix(heads, aLast.length);
        double[] da = new double[aLast.length];
        for (int h = 0; h < heads; h++) {
            if (gh[h] != 0.0) {
                for (int i = 0; i < aLast.length; i++) {
                    gOut.set(h, i, gh[h] * aLast[i]);
                    da[i] += gh[h] * out.get(h, i);
                }
            }
        }
        grads[weights.length - 1] = gOut;
        for (int l = hidden.length - 1; l >= 0; l--) {
            double[] aOut = acts[2 + l];
            double[] aIn = acts[1 + l];
            DenseMatrix w = layer(l);
            DenseMatrix gW = new DenseMatrix(hidden[l], aIn.length);
            DenseVector gB = new DenseVector(hidden[l]);
            double[] daIn = new double[aIn.length];
            for (int o = 0; o < aOut.length; o++) {
                double dz = aOut[o] > 0.0 ? da[o] : 0.0;
                if (dz != 0.0) {
                    gB.set(o, dz);
                    for (int i = 0; i < aIn.length; i++) {
                        gW.set(o, i, dz * aIn[i]);
                        daIn[i] += dz * w.get(o, i);
                    }
                }
            }
            grads[layerWeights(l)] = gW;
            grads[layerWeights(l) + 1] = gB;
            da = daIn;
        }
        int nNum = layout.numericIds().length;
        int[][] in = inputs();
        for (int f = 0; f < layout.fieldIds().length; f++) {
            int card = layout.fieldIds()[f].length;
            int count = 0;
            for (int j = 0; j < n; j++) {
                count += idx[j] < layout.features() && in[1][idx[j]] == f ? 1 : 0;
            }
            int[] slots = new int[count];
            double[] values = new double[count];
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (idx[j] < layout.features() && in[1][idx[j]] == f) {
                    slots[c] = in[2][idx[j]];
                    values[c++] = val[j];
                }
            }
            sortBySlot(slots, values);
            SparseVector[] rows = new SparseVector[embeddingDim];
            int base = nNum + f * embeddingDim;
            double[] slotRow = new double[count];
            for (int d = 0; d < embeddingDim; d++) {
                for (int j = 0; j < count; j++) {
                    slotRow[j] = values[j] * da[base + d];
                }
                rows[d] = new SparseRow(card, slots, slotRow);
            }
            grads[1 + f] = new DenseSparseMatrix(Arrays.asList(rows));
        }
        return grads;
    }

    /** Sorts parallel arrays by slot (feature ids and slots need not agree in order). */
    private static void sortBySlot(int[] slots, double[] values) {
        for (int i = 1; i < slots.length; i++) {
            int s = slots[i];
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && slots[j] > s) {
                slots[j + 1] = slots[j];
                values[j + 1] = values[j];
                j--;
            }
            slots[j + 1] = s;
            values[j + 1] = v;
        }
    }

    @Override
    public Tensor[] getEmptyCopy() {
        Tensor[] empty = new Tensor[weights.length];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] instanceof DenseMatrix m) {
                empty[i] = new DenseMatrix(m.getDimension1Size(), m.getDimension2Size());
            } else {
                empty[i] = new DenseVector(((DenseVector) weights[i]).size());
            }
        }
        return empty;
    }

    @Override
    public Tensor[] get() {
        return weights;
    }

    @Override
    public void set(Tensor[] newWeights) {
        if (newWeights.length != weights.length) {
            throw new IllegalArgumentException(
                    "expected " + weights.length + " tensors, got " + newWeights.length);
        }
        weights = newWeights;
    }

    @Override
    public void update(Tensor[] gradients) {
        for (int i = 0; i < gradients.length; i++) {
            weights[i].intersectAndAddInPlace(gradients[i]);
        }
    }

    /**
     * Sums a minibatch's gradients. Dense tensors add in place; the sparse ones (wide part and
     * embeddings) are summed row by row over the union of their entries ({@link #sumSharedRows}),
     * since Tribuo's in-place add on sparse tensors keeps only the entries both sides hold. Each
     * entry is the same left-to-right sum over the minibatch's examples as {@code SparseVector.add}
     * would give, without its hash map and sort per example.
     */
    @Override
    public Tensor[] merge(Tensor[][] gradients, int size) {
        Tensor[] out = gradients[0];
        DenseSparseMatrix[] parts = new DenseSparseMatrix[size];
        for (int i = 0; i < weights.length; i++) {
            if (out[i] instanceof DenseSparseMatrix first) {
                if (positions == null || positions.length < first.getDimension2Size()) {
                    positions = new int[first.getDimension2Size()];
                }
                for (int j = 0; j < size; j++) {
                    parts[j] = (DenseSparseMatrix) gradients[j][i];
                }
                out[i] = sumSharedRows(parts, size, positions);
            } else {
                for (int j = 1; j < size; j++) {
                    out[i].intersectAndAddInPlace(gradients[j][i]);
                }
            }
        }
        return out;
    }

    /**
     * The sum of the first {@code size} sparse gradients, each one example's, whose rows within one
     * gradient hold the same indices (as {@link #gradients} builds them): every row of the sum
     * holds the union of the examples' indices, and each entry is {@code ((p0 + p1) + p2) + ...}
     * over the examples that hold it, in example order. The union and where each example's entries
     * fall in it are found once for all rows (the wide part's heads, an embedding's dimensions).
     *
     * @param positions scratch of at least the rows' dimension, all zeros; left all zeros
     */
    static DenseSparseMatrix sumSharedRows(DenseSparseMatrix[] parts, int size, int[] positions) {
        int rows = parts[0].getDimension1Size();
        int dim = parts[0].getDimension2Size();
        int[][] idx = new int[size][];
        int total = 0;
        for (int j = 0; j < size; j++) {
            idx[j] = row(parts[j], 0).indexArray();
            total += idx[j].length;
        }
        // The union, ascending; whether an entry is the first of its index in example order, and
        // where in the union it falls.
        int[] union = new int[total];
        boolean[] first = new boolean[total];
        int u = 0;
        int e = 0;
        for (int[] ix : idx) {
            for (int index : ix) {
                if (positions[index] == 0) {
                    positions[index] = 1;
                    union[u++] = index;
                    first[e] = true;
                }
                e++;
            }
        }
        Arrays.sort(union, 0, u);
        for (int p = 0; p < u; p++) {
            positions[union[p]] = p;
        }
        int[] at = new int[total];
        e = 0;
        for (int[] ix : idx) {
            for (int index : ix) {
                at[e++] = positions[index];
            }
        }
        for (int p = 0; p < u; p++) {
            positions[union[p]] = 0;
        }
        union = Arrays.copyOf(union, u);
        double[] sum = new double[u];
        SparseVector[] out = new SparseVector[rows];
        for (int r = 0; r < rows; r++) {
            e = 0;
            for (int j = 0; j < size; j++) {
                SparseRow part = row(parts[j], r);
                if (part.size() != dim || !Arrays.equals(part.indexArray(), idx[j])) {
                    throw new IllegalArgumentException(
                            "row " + r + " of gradient " + j + " holds other indices than row 0");
                }
                for (double v : part.valueArray()) {
                    int p = at[e];
                    sum[p] = first[e] ? v : sum[p] + v;
                    e++;
                }
            }
            out[r] = new SparseRow(dim, union, sum);
        }
        return new DenseSparseMatrix(Arrays.asList(out));
    }

    private static SparseRow row(DenseSparseMatrix m, int r) {
        if (m.getRow(r) instanceof SparseRow row) {
            return row;
        }
        throw new IllegalArgumentException("sparse gradients are built of SparseRows");
    }

    @Override
    public WideDeepParameters copy() {
        return new WideDeepParameters(this);
    }

    /** Whether a network of the given shape can start from these weights (a warm start). */
    boolean sameShape(
            Layout otherLayout, int otherHeads, int otherEmbeddingDim, int[] otherHidden) {
        return layout.sameAs(otherLayout)
                && heads == otherHeads
                && embeddingDim == otherEmbeddingDim
                && Arrays.equals(hidden, otherHidden);
    }

    /**
     * Not supported: FeedLab ships models in its own checksummed format ({@link
     * WideDeepScorer#toBytes()}), never through Tribuo's protobuf or Java serialization.
     */
    @Override
    public ParametersProto serialize() {
        throw new UnsupportedOperationException(
                "wide&deep parameters are shipped as a checksummed WideDeepScorer");
    }

    /** Tag of the sealed form ({@link StateIO#seal}). */
    private static final String FORMAT = "FLWP";

    /** Version of the sealed form this code writes. */
    // 2: embedding tables stored transposed (d × cardinality).
    private static final int FORMAT_VERSION = 2;

    /**
     * The exact weights, layout and input scale in FeedLab's sealed form (tag, version, body,
     * CRC32): what the next version warm-starts from, and what a checkpoint keeps. Doubles are
     * written by their bits, so {@link #fromBytes} gives back bit-identical parameters.
     */
    public byte[] toBytes() {
        return StateIO.seal(FORMAT, FORMAT_VERSION, this, WideDeepParameters::write);
    }

    /**
     * Reads parameters written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException starting with "corrupted state" for bytes that fail a check
     */
    public static WideDeepParameters fromBytes(byte[] bytes) {
        return StateIO.open(
                FORMAT,
                FORMAT_VERSION,
                bytes,
                (version, in) -> {
                    if (version < FORMAT_VERSION) {
                        throw new IOException(
                                "wide&deep parameters of version "
                                        + version
                                        + " store embeddings untransposed");
                    }
                    return read(in);
                });
    }

    private static void write(DataOutput out, WideDeepParameters p) throws IOException {
        out.writeInt(p.layout.features());
        StateIO.writeInts(out, p.layout.numericIds());
        out.writeInt(p.layout.fieldNames().length);
        for (int f = 0; f < p.layout.fieldNames().length; f++) {
            StateIO.writeString(out, p.layout.fieldNames()[f]);
            StateIO.writeInts(out, p.layout.fieldIds()[f]);
        }
        out.writeInt(p.heads);
        out.writeInt(p.embeddingDim);
        StateIO.writeInts(out, p.hidden);
        StateIO.writeDoubles(out, p.inputScale.shift());
        StateIO.writeDoubles(out, p.inputScale.scale());
        out.writeInt(p.weights.length);
        for (Tensor t : p.weights) {
            if (t instanceof DenseMatrix m) {
                out.writeByte(2);
                out.writeInt(m.getDimension1Size());
                out.writeInt(m.getDimension2Size());
                for (int i = 0; i < m.getDimension1Size(); i++) {
                    for (int j = 0; j < m.getDimension2Size(); j++) {
                        out.writeDouble(m.get(i, j));
                    }
                }
            } else {
                DenseVector v = (DenseVector) t;
                out.writeByte(1);
                StateIO.writeDoubles(out, v.toArray());
            }
        }
    }

    private static WideDeepParameters read(DataInput in) throws IOException {
        int features = in.readInt();
        int[] numericIds = StateIO.readInts(in);
        int fields = StateIO.readCount(in);
        String[] fieldNames = new String[fields];
        int[][] fieldIds = new int[fields][];
        for (int f = 0; f < fields; f++) {
            fieldNames[f] = StateIO.readString(in);
            fieldIds[f] = StateIO.readInts(in);
        }
        Layout layout = new Layout(features, numericIds, fieldNames, fieldIds);
        int heads = in.readInt();
        int embeddingDim = in.readInt();
        int[] hidden = StateIO.readInts(in);
        InputScale scale = new InputScale(StateIO.readDoubles(in), StateIO.readDoubles(in));
        WideDeepParameters p = new WideDeepParameters(layout, heads, embeddingDim, hidden, scale);
        int tensors = StateIO.readCount(in);
        if (tensors != 1 + fields + 2 * hidden.length + 1) {
            throw new IOException("corrupted wide&deep parameters: " + tensors + " tensors");
        }
        p.weights = new Tensor[tensors];
        for (int i = 0; i < tensors; i++) {
            byte kind = in.readByte();
            if (kind == 2) {
                int rows = StateIO.readCount(in);
                int cols = StateIO.readCount(in);
                DenseMatrix m = new DenseMatrix(rows, cols);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        m.set(r, c, in.readDouble());
                    }
                }
                p.weights[i] = m;
            } else if (kind == 1) {
                p.weights[i] = DenseVector.createDenseVector(StateIO.readDoubles(in));
            } else {
                throw new IOException("corrupted wide&deep parameters: tensor kind " + kind);
            }
        }
        return p;
    }
}
