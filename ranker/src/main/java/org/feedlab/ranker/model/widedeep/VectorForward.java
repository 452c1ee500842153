package org.feedlab.ranker.model.widedeep;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.feedlab.ranker.model.SharedSlots;

/**
 * The forward pass with the Vector API ({@code jdk.incubator.vector}): lanes run over a layer's
 * outputs, so every output is the same sequence of float multiplies and adds as in {@link
 * ScalarForward} (separate {@code mul} and {@code add}, never a fused multiply-add, which would
 * round once instead of twice) and the probabilities are equal bit for bit.
 *
 * <p>The first stage is a gather: a row's non-zero slots are listed (vectors of zeros skipped),
 * then their weight rows (first hidden layer with the embeddings folded in, then the wide weights)
 * are added into accumulators that stay in registers, up to four vectors of outputs per pass over
 * the slots; ReLU is a max with 0 (hidden lanes) or −∞ (wide lanes). The non-zero scan asks only
 * {@code anyTrue} of a mask: {@code VectorMask.toLong} is no intrinsic on Java 17 and would
 * allocate a mask per vector (JMH's gc profiler measures no allocation per request). The dense
 * layers are a batched GEMM over blocks of {@value #ROWS} candidates: each weight vector is loaded
 * once and multiplied by the four candidates' activations, four independent sums in flight. They do
 * not skip zero activations (a ±0 product leaves a sum unchanged), so the blocks need no
 * per-candidate branch. Widths are padded to whole vectors with zero weights; the padding lanes are
 * never read back.
 *
 * <p>Loaded only when the module is present ({@link ForwardPasses}).
 */
final class VectorForward implements ForwardPass {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Candidates per dense block. */
    static final int ROWS = 4;

    private final int features;
    private final int heads;
    private final int h1;
    private final int h1Padded;
    private final int headsPadded;

    /** First-stage row length: h1 padded, then the heads padded. */
    private final int stride;

    /** [features + hashed rows][stride]: first layer then wide weights, padded with zeros. */
    private final float[] first;

    /** Per slot, its hashed field's first bucket row, or -1 (see {@link WideDeepScorer}). */
    private final int[] hashBase;

    private final WideDeepScorer scorer;

    private final float[] firstBias;

    /** [stride]: 0 on the hidden lanes, −∞ on the wide lanes, for {@link #relu}. */
    private final float[] floor;

    /** Dense layers after the first, the output layer last: [in][outPadded]. */
    private final float[][] weights;

    private final float[][] bias;
    private final int[] inWidth;
    private final int[] outPadded;
    private final int maxPadded;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread buffers, reused by every call. */
    private static final class Scratch {
        /** [ROWS][stride]: first stage of a block (ReLU'd hidden, then wide logits). */
        final float[] stage;

        /** Two [ROWS][maxPadded] ping-pong buffers for the dense layers. */
        final float[] ping;

        final float[] pong;

        /** One row's non-zero slots in order: weight offset (or ~offset into products), value. */
        final int[] at;

        final float[] value;

        /** Per slot, its offset among the batch's shared products, or -1. */
        final int[] sharedAt;

        float[] products = new float[0];

        Scratch(int features, int stride, int maxPadded) {
            stage = new float[ROWS * stride];
            ping = new float[ROWS * maxPadded];
            pong = new float[ROWS * maxPadded];
            at = new int[features];
            value = new float[features];
            sharedAt = new int[features];
            Arrays.fill(sharedAt, -1);
        }
    }

    private VectorForward(WideDeepScorer scorer) {
        features = scorer.features();
        heads = scorer.heads();
        int[] hidden = scorer.hidden();
        h1 = hidden[0];
        h1Padded = padded(h1);
        headsPadded = padded(heads);
        stride = h1Padded + headsPadded;
        int compiledStride = h1 + heads;
        float[] w = scorer.first();
        int rows = w.length / compiledStride;
        first = new float[rows * stride];
        hashBase = scorer.hashBase();
        this.scorer = scorer;
        for (int s = 0; s < rows; s++) {
            System.arraycopy(w, s * compiledStride, first, s * stride, h1);
            System.arraycopy(w, s * compiledStride + h1, first, s * stride + h1Padded, heads);
        }
        floor = new float[stride];
        Arrays.fill(floor, h1Padded, stride, Float.NEGATIVE_INFINITY);
        firstBias = new float[stride];
        System.arraycopy(scorer.firstBias(), 0, firstBias, 0, h1);
        System.arraycopy(scorer.firstBias(), h1, firstBias, h1Padded, heads);
        int layers = hidden.length;
        weights = new float[layers][];
        bias = new float[layers][];
        inWidth = new int[layers];
        outPadded = new int[layers];
        int max = 0;
        for (int l = 0; l < layers; l++) {
            boolean last = l == layers - 1;
            int in = hidden[l];
            int out = last ? heads : hidden[l + 1];
            float[] t = last ? scorer.output() : scorer.layers()[l];
            inWidth[l] = in;
            outPadded[l] = padded(out);
            max = Math.max(max, outPadded[l]);
            weights[l] = new float[in * outPadded[l]];
            for (int i = 0; i < in; i++) {
                System.arraycopy(t, i * out, weights[l], i * outPadded[l], out);
            }
            bias[l] = new float[outPadded[l]];
            if (!last) {
                System.arraycopy(scorer.biases()[l], 0, bias[l], 0, out);
            }
        }
        maxPadded = max;
        scratch = ThreadLocal.withInitial(() -> new Scratch(features, stride, maxPadded));
    }

    static VectorForward of(WideDeepScorer scorer) {
        return new VectorForward(scorer);
    }

    private static int padded(int width) {
        return (width + L - 1) / L * L;
    }

    @Override
    public String describe() {
        return "Vector API, " + L + " float lanes";
    }

    @Override
    public void forward(float[] xs, int n, SharedSlots shared, double[] out) {
        Scratch s = scratch.get();
        // The shared slots' marks must not outlive the call, even when it fails.
        try {
            if (n > 0) {
                hoist(xs, shared, s);
            }
            for (int r0 = 0; r0 < n; r0 += ROWS) {
                int rows = Math.min(ROWS, n - r0);
                for (int r = 0; r < rows; r++) {
                    firstStage(xs, (r0 + r) * features, s, r * stride);
                }
                if (rows < ROWS) {
                    Arrays.fill(s.stage, rows * stride, ROWS * stride, 0f);
                }
                float[] in = s.stage;
                int inStride = stride;
                float[] target = s.ping;
                for (int l = 0; l < weights.length; l++) {
                    boolean last = l == weights.length - 1;
                    dense(in, inStride, l, target, !last);
                    in = target;
                    inStride = outPadded[l];
                    target = target == s.ping ? s.pong : s.ping;
                }
                for (int r = 0; r < rows; r++) {
                    for (int h = 0; h < heads; h++) {
                        out[(r0 + r) * heads + h] =
                                ForwardPass.probability(
                                        s.stage[r * stride + h1Padded + h], in[r * inStride + h]);
                    }
                }
            }
        } finally {
            for (int k = 0; k < shared.size(); k++) {
                s.sharedAt[shared.slot(k)] = -1;
            }
        }
    }

    /** The products v·w of row 0's non-zero shared slots, once for the batch. */
    private void hoist(float[] xs, SharedSlots shared, Scratch s) {
        if (s.products.length < shared.size() * stride) {
            s.products = new float[shared.size() * stride];
        }
        for (int k = 0; k < shared.size(); k++) {
            int slot = shared.slot(k);
            float v = xs[slot];
            if (v != 0f) {
                int to = k * stride;
                s.sharedAt[slot] = to;
                if (hashBase[slot] >= 0) {
                    // A hashed slot's row is added as it is (1·w = w).
                    int from = (hashBase[slot] + scorer.bucket(v)) * stride;
                    System.arraycopy(first, from, s.products, to, stride);
                } else {
                    int from = slot * stride;
                    for (int o = 0; o < stride; o += L) {
                        FloatVector.fromArray(S, first, from + o)
                                .mul(v)
                                .intoArray(s.products, to + o);
                    }
                }
            }
        }
    }

    /**
     * One row's first stage into {@code stage[at ..]}: its non-zero slots in slot order, then their
     * weight rows added to the bias, four output vectors per pass; ReLU on the hidden part.
     */
    private void firstStage(float[] xs, int xOffset, Scratch s, int at) {
        int count = nonZero(xs, xOffset, s);
        int blocks = stride / L;
        int o = 0;
        for (; blocks - o / L >= 4; o += 4 * L) {
            gather4(s, count, o, at);
        }
        switch (blocks - o / L) {
            case 3 -> gather3(s, count, o, at);
            case 2 -> gather2(s, count, o, at);
            case 1 -> gather1(s, count, o, at);
            default -> {}
        }
    }

    /** Lists a row's non-zero slots (weight offset, value) in slot order; returns their count. */
    private int nonZero(float[] xs, int xOffset, Scratch s) {
        int count = 0;
        int[] at = s.at;
        float[] value = s.value;
        int[] sharedAt = s.sharedAt;
        int bound = S.loopBound(features);
        int slot = 0;
        for (; slot < bound; slot += L) {
            // anyTrue is an intrinsic on Java 17; VectorMask.toLong is not (it would allocate).
            if (FloatVector.fromArray(S, xs, xOffset + slot)
                    .compare(VectorOperators.NE, 0f)
                    .anyTrue()) {
                for (int k = slot; k < slot + L; k++) {
                    float v = xs[xOffset + k];
                    if (v != 0f) {
                        count = entry(v, k, sharedAt, at, value, count);
                    }
                }
            }
        }
        for (; slot < features; slot++) {
            float v = xs[xOffset + slot];
            if (v != 0f) {
                count = entry(v, slot, sharedAt, at, value, count);
            }
        }
        return count;
    }

    private int entry(float v, int slot, int[] sharedAt, int[] at, float[] value, int count) {
        int shared = sharedAt[slot];
        if (shared >= 0) {
            at[count] = ~shared;
            value[count] = 1f;
        } else if (hashBase[slot] >= 0) {
            at[count] = (hashBase[slot] + scorer.bucket(v)) * stride;
            value[count] = 1f;
        } else {
            at[count] = slot * stride;
            value[count] = v;
        }
        return count + 1;
    }

    /** acc + v·w, or acc + w when v is 1 (a one-hot slot, a shared product): 1·w = w. */
    private static FloatVector add(FloatVector acc, FloatVector w, float v) {
        return v == 1f ? acc.add(w) : acc.add(w.mul(v));
    }

    /** ReLU on the hidden lanes, identity on the wide lanes: max with 0 or with −∞, no branch. */
    private FloatVector relu(FloatVector acc, int o) {
        return acc.max(FloatVector.fromArray(S, floor, o));
    }

    private void gather4(Scratch s, int count, int o, int to) {
        FloatVector a0 = FloatVector.fromArray(S, firstBias, o);
        FloatVector a1 = FloatVector.fromArray(S, firstBias, o + L);
        FloatVector a2 = FloatVector.fromArray(S, firstBias, o + 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, firstBias, o + 3 * L);
        for (int k = 0; k < count; k++) {
            int at = s.at[k];
            float v = s.value[k];
            float[] src = at >= 0 ? first : s.products;
            int base = (at >= 0 ? at : ~at) + o;
            a0 = add(a0, FloatVector.fromArray(S, src, base), v);
            a1 = add(a1, FloatVector.fromArray(S, src, base + L), v);
            a2 = add(a2, FloatVector.fromArray(S, src, base + 2 * L), v);
            a3 = add(a3, FloatVector.fromArray(S, src, base + 3 * L), v);
        }
        relu(a0, o).intoArray(s.stage, to + o);
        relu(a1, o + L).intoArray(s.stage, to + o + L);
        relu(a2, o + 2 * L).intoArray(s.stage, to + o + 2 * L);
        relu(a3, o + 3 * L).intoArray(s.stage, to + o + 3 * L);
    }

    private void gather3(Scratch s, int count, int o, int to) {
        FloatVector a0 = FloatVector.fromArray(S, firstBias, o);
        FloatVector a1 = FloatVector.fromArray(S, firstBias, o + L);
        FloatVector a2 = FloatVector.fromArray(S, firstBias, o + 2 * L);
        for (int k = 0; k < count; k++) {
            int at = s.at[k];
            float v = s.value[k];
            float[] src = at >= 0 ? first : s.products;
            int base = (at >= 0 ? at : ~at) + o;
            a0 = add(a0, FloatVector.fromArray(S, src, base), v);
            a1 = add(a1, FloatVector.fromArray(S, src, base + L), v);
            a2 = add(a2, FloatVector.fromArray(S, src, base + 2 * L), v);
        }
        relu(a0, o).intoArray(s.stage, to + o);
        relu(a1, o + L).intoArray(s.stage, to + o + L);
        relu(a2, o + 2 * L).intoArray(s.stage, to + o + 2 * L);
    }

    private void gather2(Scratch s, int count, int o, int to) {
        FloatVector a0 = FloatVector.fromArray(S, firstBias, o);
        FloatVector a1 = FloatVector.fromArray(S, firstBias, o + L);
        for (int k = 0; k < count; k++) {
            int at = s.at[k];
            float v = s.value[k];
            float[] src = at >= 0 ? first : s.products;
            int base = (at >= 0 ? at : ~at) + o;
            a0 = add(a0, FloatVector.fromArray(S, src, base), v);
            a1 = add(a1, FloatVector.fromArray(S, src, base + L), v);
        }
        relu(a0, o).intoArray(s.stage, to + o);
        relu(a1, o + L).intoArray(s.stage, to + o + L);
    }

    private void gather1(Scratch s, int count, int o, int to) {
        FloatVector a0 = FloatVector.fromArray(S, firstBias, o);
        for (int k = 0; k < count; k++) {
            int at = s.at[k];
            float v = s.value[k];
            float[] src = at >= 0 ? first : s.products;
            int base = (at >= 0 ? at : ~at) + o;
            a0 = add(a0, FloatVector.fromArray(S, src, base), v);
        }
        relu(a0, o).intoArray(s.stage, to + o);
    }

    /**
     * Dense layer l over a block of {@value #ROWS} rows: out[r][o] = bias[o] + Σ_i in[r][i]·w[i][o]
     * summed in input order, ReLU unless it is the output layer.
     */
    private void dense(float[] in, int inStride, int l, float[] out, boolean relu) {
        float[] w = weights[l];
        float[] b = bias[l];
        int n = inWidth[l];
        int width = outPadded[l];
        int in1 = inStride;
        int in2 = 2 * inStride;
        int in3 = 3 * inStride;
        // max(x, −∞) = x: the output layer takes the same path without a branch on vectors.
        float floor = relu ? 0f : Float.NEGATIVE_INFINITY;
        for (int o = 0; o < width; o += L) {
            FloatVector bv = FloatVector.fromArray(S, b, o);
            FloatVector a0 = bv;
            FloatVector a1 = bv;
            FloatVector a2 = bv;
            FloatVector a3 = bv;
            for (int i = 0; i < n; i++) {
                FloatVector wv = FloatVector.fromArray(S, w, i * width + o);
                a0 = a0.add(wv.mul(in[i]));
                a1 = a1.add(wv.mul(in[in1 + i]));
                a2 = a2.add(wv.mul(in[in2 + i]));
                a3 = a3.add(wv.mul(in[in3 + i]));
            }
            a0 = a0.max(floor);
            a1 = a1.max(floor);
            a2 = a2.max(floor);
            a3 = a3.max(floor);
            a0.intoArray(out, o);
            a1.intoArray(out, width + o);
            a2.intoArray(out, 2 * width + o);
            a3.intoArray(out, 3 * width + o);
        }
    }
}
