package org.feedlab.ranker.model.widedeep;

import java.util.Arrays;
import org.feedlab.ranker.model.SharedSlots;

/**
 * The forward pass in plain Java, one row at a time: the reference the Vector API pass must match
 * bit for bit, and the pass used when the JVM lacks {@code jdk.incubator.vector}.
 *
 * <p>Per output, the first stage adds the non-zero slots' contributions in slot order to the bias
 * (a slot worth exactly 1, a one-hot slot, adds its weight row as is: 1·w = w; a hashed slot
 * holding 1 + b adds its bucket's row b as is; a shared slot adds the product v·w computed once for
 * the batch: the same float), and each dense layer adds its inputs' products in input order; zero
 * activations are skipped (adding a ±0 product leaves a sum unchanged, except −0 + 0, which ReLU or
 * the sigmoid cannot tell apart).
 */
final class ScalarForward implements ForwardPass {
    private final int features;
    private final int heads;
    private final int[] hidden;
    private final int stride;
    private final int width;
    private final float[] first;
    private final int[] hashBase;
    private final WideDeepScorer scorer;
    private final float[] firstBias;
    private final float[][] layers;
    private final float[][] biases;
    private final float[] output;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread buffers, reused by every call. */
    private static final class Scratch {
        /** [0, h1) first layer, [h1, h1+heads) wide logits, two ping-pong layers, deep logits. */
        final float[] buf;

        /** Per slot, its index among the batch's shared slots with a non-zero value, or -1. */
        final int[] sharedAt;

        /** [shared slot][h1 + heads]: v·w of each shared slot, computed once per batch. */
        float[] products = new float[0];

        Scratch(int features, int bufSize) {
            buf = new float[bufSize];
            sharedAt = new int[features];
            Arrays.fill(sharedAt, -1);
        }
    }

    ScalarForward(WideDeepScorer scorer) {
        features = scorer.features();
        heads = scorer.heads();
        hidden = scorer.hidden();
        stride = hidden[0] + heads;
        int w = 0;
        for (int h : hidden) {
            w = Math.max(w, h);
        }
        width = w;
        first = scorer.first();
        hashBase = scorer.hashBase();
        this.scorer = scorer;
        firstBias = scorer.firstBias();
        layers = scorer.layers();
        biases = scorer.biases();
        output = scorer.output();
        int size = stride + 2 * width + heads;
        scratch = ThreadLocal.withInitial(() -> new Scratch(features, size));
    }

    @Override
    public String describe() {
        return "scalar";
    }

    @Override
    public void forward(float[] xs, int n, SharedSlots shared, double[] out) {
        Scratch s = scratch.get();
        // The shared slots' marks must not outlive the call, even when it fails.
        try {
            if (n > 0) {
                hoist(xs, shared, s);
            }
            float[] buf = s.buf;
            int deepAt = stride + 2 * width;
            for (int r = 0; r < n; r++) {
                row(xs, r * features, s);
                for (int h = 0; h < heads; h++) {
                    out[r * heads + h] =
                            ForwardPass.probability(buf[hidden[0] + h], buf[deepAt + h]);
                }
            }
        } finally {
            for (int k = 0; k < shared.size(); k++) {
                s.sharedAt[shared.slot(k)] = -1;
            }
        }
    }

    /** The wide and deep logits of one row, for explanations. */
    void logits(float[] x, double[] wide, double[] deep) {
        Scratch s = scratch.get();
        row(x, 0, s);
        int deepAt = stride + 2 * width;
        for (int h = 0; h < heads; h++) {
            wide[h] = s.buf[hidden[0] + h];
            deep[h] = s.buf[deepAt + h];
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
                s.sharedAt[slot] = k;
                int at = k * stride;
                if (hashBase[slot] >= 0) {
                    // A hashed slot's row is added as it is (1·w = w).
                    int base = (hashBase[slot] + scorer.bucket(v)) * stride;
                    System.arraycopy(first, base, s.products, at, stride);
                } else {
                    int base = slot * stride;
                    for (int o = 0; o < stride; o++) {
                        s.products[at + o] = v * first[base + o];
                    }
                }
            }
        }
    }

    /**
     * One row's forward pass into the scratch buffer: [0, h1) first hidden layer, [h1, h1+heads)
     * wide logits, then two ping-pong activation buffers, then the deep logits.
     */
    private void row(float[] xs, int xOffset, Scratch scratch) {
        float[] buf = scratch.buf;
        int h1 = hidden[0];
        System.arraycopy(firstBias, 0, buf, 0, stride);
        for (int s = 0; s < features; s++) {
            float v = xs[xOffset + s];
            if (v != 0f) {
                int k = scratch.sharedAt[s];
                if (k >= 0) {
                    float[] p = scratch.products;
                    int at = k * stride;
                    for (int o = 0; o < stride; o++) {
                        buf[o] += p[at + o];
                    }
                } else if (v == 1f || hashBase[s] >= 0) {
                    int base =
                            (hashBase[s] >= 0 ? hashBase[s] + this.scorer.bucket(v) : s) * stride;
                    for (int o = 0; o < stride; o++) {
                        buf[o] += first[base + o];
                    }
                } else {
                    int base = s * stride;
                    for (int o = 0; o < stride; o++) {
                        buf[o] += v * first[base + o];
                    }
                }
            }
        }
        for (int o = 0; o < h1; o++) {
            buf[o] = Math.max(buf[o], 0f);
        }
        int inAt = 0;
        int inWidth = h1;
        for (int l = 1; l < hidden.length; l++) {
            int outAt = (l % 2 == 1) ? stride : stride + width;
            int outWidth = hidden[l];
            float[] t = layers[l - 1];
            System.arraycopy(biases[l - 1], 0, buf, outAt, outWidth);
            for (int i = 0; i < inWidth; i++) {
                float a = buf[inAt + i];
                if (a != 0f) {
                    int base = i * outWidth;
                    for (int o = 0; o < outWidth; o++) {
                        buf[outAt + o] += a * t[base + o];
                    }
                }
            }
            for (int o = 0; o < outWidth; o++) {
                buf[outAt + o] = Math.max(buf[outAt + o], 0f);
            }
            inAt = outAt;
            inWidth = outWidth;
        }
        int deepAt = stride + 2 * width;
        Arrays.fill(buf, deepAt, deepAt + heads, 0f);
        for (int i = 0; i < inWidth; i++) {
            float a = buf[inAt + i];
            if (a != 0f) {
                int base = i * heads;
                for (int h = 0; h < heads; h++) {
                    buf[deepAt + h] += a * output[base + h];
                }
            }
        }
    }
}
