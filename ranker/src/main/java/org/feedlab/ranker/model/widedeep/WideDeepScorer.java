package org.feedlab.ranker.model.widedeep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.model.ModelBytes;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.model.SharedSlots;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.multilabel.MultiLabel;

/**
 * The serving form of a {@link WideDeepModel}: dense float arrays in the ranker's feature and head
 * order, scoring a whole request's candidates per call without allocating.
 *
 * <p>Compilation folds each categorical embedding into the first hidden layer (E·W₁ is linear, so a
 * one-hot slot becomes one row of the first layer), folds the deep part's input standardisation
 * into the first layer's weights and bias, and puts the wide weights next to it, so the first stage
 * is one pass over the candidate's non-zero slots adding a row of length h₁ + heads; the remaining
 * layers are dense, stored input-major.
 *
 * <p>The arithmetic runs in a {@link ForwardPass}: the Vector API one when the JVM has {@code
 * jdk.incubator.vector}, the scalar one otherwise; both give the same probabilities bit for bit.
 * The user-side slots of a request ({@link SharedSlots}) have their products computed once per
 * batch, which also changes no bit: the sums keep their slot order.
 *
 * <p>Shipped as {@link #toBytes()}, a checksummed format of its own; the fields are plain arrays so
 * Kryo can copy an instance (the forward pass and its scratch buffers are transient, per thread).
 */
public final class WideDeepScorer implements Scorer {
    /** "FLWD": FeedLab wide&amp;deep. */
    static final int MAGIC = 0x464C5744;

    private static final int FORMAT_VERSION = 2;

    /**
     * System property that forces the scalar forward pass ({@code -Dfeedlab.scorer.scalar=true}),
     * e.g. to compare it with the Vector API one.
     */
    public static final String SCALAR_PROPERTY = "feedlab.scorer.scalar";

    private final String[] featureNames;
    private final String[] headNames;

    /** Hidden layer widths. */
    private final int[] hidden;

    /**
     * [features + hashed rows][h1 + heads]: first hidden layer (embeddings folded in) then wide
     * weights; a row per slot, then a row per bucket of each hashed field.
     */
    private final float[] first;

    /**
     * Per slot, the first of its hashed field's bucket rows in {@link #first}, or -1 for a slot
     * that holds a value: a hashed slot holding 1 + b adds row {@code hashBase + b}.
     */
    private final int[] hashBase;

    /** Buckets of every hashed field. */
    private final int buckets;

    /** [h1 + heads]: first layer bias, then wide bias. */
    private final float[] firstBias;

    /** Layers 1..L-1, each [in][out]. */
    private final float[][] layers;

    private final float[][] biases;

    /** [h_last][heads]. */
    private final float[] output;

    // Built on first use; volatile because the users of a tick may be served on several threads
    // (each pass keeps its scratch buffers per thread).
    private transient volatile ForwardPass pass;

    private transient volatile ScalarForward reference;

    WideDeepScorer(
            String[] featureNames,
            String[] headNames,
            int[] hidden,
            int[] hashBase,
            int buckets,
            float[] first,
            float[] firstBias,
            float[][] layers,
            float[][] biases,
            float[] output) {
        this.featureNames = distinct(featureNames, "feature");
        this.headNames = distinct(headNames, "head");
        this.hidden = hidden;
        int f = featureNames.length;
        int h = headNames.length;
        require(hidden.length >= 1, "at least one hidden layer");
        require(hashBase.length == f && buckets >= 1, "hashed slots");
        int rows = f;
        for (int b : hashBase) {
            rows = b < 0 ? rows : Math.max(rows, b + buckets);
        }
        for (int b : hashBase) {
            require(b == -1 || b >= f, "hashed slots");
        }
        require(first.length == (long) rows * (hidden[0] + h), "first layer size");
        require(firstBias.length == hidden[0] + h, "first bias size");
        require(
                layers.length == hidden.length - 1 && biases.length == layers.length,
                "layer count");
        for (int l = 1; l < hidden.length; l++) {
            require(
                    layers[l - 1].length == (long) hidden[l - 1] * hidden[l],
                    "layer " + l + " size");
            require(biases[l - 1].length == hidden[l], "layer " + l + " bias size");
        }
        require(output.length == (long) hidden[hidden.length - 1] * h, "output layer size");
        require(finite(first) && finite(firstBias) && finite(output), "non-finite weight");
        for (int l = 0; l < layers.length; l++) {
            require(finite(layers[l]) && finite(biases[l]), "non-finite weight");
        }
        this.hashBase = hashBase;
        this.buckets = buckets;
        this.first = first;
        this.firstBias = firstBias;
        this.layers = layers;
        this.biases = biases;
        this.output = output;
    }

    /**
     * Compiles a trained model into the given feature and head order. Features the model does not
     * know (withheld groups) get zero weights; a head missing from the model is an error.
     */
    public static WideDeepScorer compile(
            WideDeepModel model, List<String> featureNames, List<String> headNames) {
        WideDeepParameters p = model.parameters();
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        ImmutableOutputInfo<MultiLabel> outputs = model.getOutputIDInfo();
        Layout layout = p.layout();
        int f = featureNames.size();
        int heads = headNames.size();
        int[] hidden = p.hidden();
        int h1 = hidden[0];
        int d = p.embeddingDim();
        int[] headRows = new int[heads];
        for (int h = 0; h < heads; h++) {
            headRows[h] = outputs.getID(new MultiLabel(headNames.get(h)));
            if (headRows[h] < 0) {
                throw new IllegalArgumentException(
                        "model has no output for head '" + headNames.get(h) + "'");
            }
        }
        // Where each Tribuo feature id enters the MLP.
        int[] numericPos = new int[layout.features()];
        int[] fieldOf = new int[layout.features()];
        int[] slotOf = new int[layout.features()];
        Arrays.fill(numericPos, -1);
        Arrays.fill(fieldOf, -1);
        for (int i = 0; i < layout.numericIds().length; i++) {
            numericPos[layout.numericIds()[i]] = i;
        }
        for (int fi = 0; fi < layout.fieldIds().length; fi++) {
            int[] ids = layout.fieldIds()[fi];
            for (int k = 0; k < ids.length; k++) {
                if (ids[k] >= 0) {
                    fieldOf[ids[k]] = fi;
                    slotOf[ids[k]] = k;
                }
            }
        }
        int nNum = layout.numericIds().length;
        InputScale inputScale = p.inputScale();
        DenseMatrix w1 = p.layer(0);
        DenseMatrix wide = p.wide();
        int stride = h1 + heads;
        // Hashed slots: one block of bucket rows per hashed field the model knows, after the slots.
        int[] hashBase = new int[f];
        Arrays.fill(hashBase, -1);
        Map<String, Integer> fieldBase = new TreeMap<>();
        int rows = f;
        for (int s = 0; s < f; s++) {
            FeatureSpace.Field hashed = FeatureSpace.hashedField(featureNames.get(s));
            if (hashed != null && featureMap.getID(hashed.bucketName(0)) >= 0) {
                Integer base = fieldBase.get(hashed.name());
                if (base == null) {
                    base = rows;
                    fieldBase.put(hashed.name(), base);
                    rows += FeatureSpace.ID_BUCKETS;
                }
                hashBase[s] = base;
            }
        }
        float[] first = new float[rows * stride];
        int[] rowIds = new int[rows];
        Arrays.fill(rowIds, -1);
        for (int s = 0; s < f; s++) {
            rowIds[s] = hashBase[s] >= 0 ? -1 : featureMap.getID(featureNames.get(s));
            FeatureSpace.Field hashed = FeatureSpace.hashedField(featureNames.get(s));
            if (hashBase[s] >= 0) {
                for (int b = 0; b < FeatureSpace.ID_BUCKETS; b++) {
                    rowIds[hashBase[s] + b] = featureMap.getID(hashed.bucketName(b));
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            int id = rowIds[r];
            if (id < 0) {
                continue;
            }
            int base = r * stride;
            if (numericPos[id] >= 0) {
                // The deep part's standardisation (x − shift)·scale: the scale goes into the
                // weight, the shift into the bias below.
                double scale = inputScale.scale()[numericPos[id]];
                for (int o = 0; o < h1; o++) {
                    first[base + o] = (float) (w1.get(o, numericPos[id]) * scale);
                }
            } else if (fieldOf[id] >= 0) {
                DenseMatrix e = p.embedding(fieldOf[id]);
                int col = nNum + fieldOf[id] * d;
                for (int o = 0; o < h1; o++) {
                    double sum = 0.0;
                    for (int k = 0; k < d; k++) {
                        sum += w1.get(o, col + k) * e.get(k, slotOf[id]);
                    }
                    first[base + o] = (float) sum;
                }
            }
            for (int h = 0; h < heads; h++) {
                first[base + h1 + h] = (float) wide.get(headRows[h], id);
            }
        }
        float[] firstBias = new float[stride];
        DenseVector b1 = p.layerBias(0);
        for (int o = 0; o < h1; o++) {
            double bias = b1.get(o);
            for (int i = 0; i < nNum; i++) {
                bias -= w1.get(o, i) * inputScale.shift()[i] * inputScale.scale()[i];
            }
            firstBias[o] = (float) bias;
        }
        for (int h = 0; h < heads; h++) {
            firstBias[h1 + h] = (float) wide.get(headRows[h], layout.features());
        }
        float[][] layers = new float[hidden.length - 1][];
        float[][] biases = new float[hidden.length - 1][];
        for (int l = 1; l < hidden.length; l++) {
            DenseMatrix w = p.layer(l);
            float[] t = new float[hidden[l - 1] * hidden[l]];
            for (int i = 0; i < hidden[l - 1]; i++) {
                for (int o = 0; o < hidden[l]; o++) {
                    t[i * hidden[l] + o] = (float) w.get(o, i);
                }
            }
            layers[l - 1] = t;
            float[] b = new float[hidden[l]];
            for (int o = 0; o < hidden[l]; o++) {
                b[o] = (float) p.layerBias(l).get(o);
            }
            biases[l - 1] = b;
        }
        int last = hidden[hidden.length - 1];
        DenseMatrix out = p.output();
        float[] output = new float[last * heads];
        for (int i = 0; i < last; i++) {
            for (int h = 0; h < heads; h++) {
                output[i * heads + h] = (float) out.get(headRows[h], i);
            }
        }
        return new WideDeepScorer(
                featureNames.toArray(new String[0]),
                headNames.toArray(new String[0]),
                hidden,
                hashBase,
                FeatureSpace.ID_BUCKETS,
                first,
                firstBias,
                layers,
                biases,
                output);
    }

    @Override
    public int features() {
        return featureNames.length;
    }

    @Override
    public int heads() {
        return headNames.length;
    }

    @Override
    public List<String> featureNames() {
        return List.of(featureNames);
    }

    @Override
    public List<String> headNames() {
        return List.of(headNames);
    }

    /** Hidden layer widths. */
    public int[] hiddenSizes() {
        return hidden.clone();
    }

    /**
     * Floating-point operations to score one candidate with {@code nonZero} non-zero features (a
     * multiply-add counts as two).
     */
    public long flopsPerCandidate(int nonZero) {
        return flopsPerCandidate(nonZero, hidden, headNames.length);
    }

    /**
     * Multiply-adds (counted as 2 FLOPs) of the compiled form for one candidate with {@code
     * nonZero} non-zero slots: the sparse first layer (embeddings folded in, plus the wide part),
     * the dense hidden layers, and the heads. The model-capacity policy sizes models with it.
     */
    public static long flopsPerCandidate(int nonZero, int[] hidden, int heads) {
        long flops = 2L * nonZero * (hidden[0] + heads);
        for (int l = 1; l < hidden.length; l++) {
            flops += 2L * hidden[l - 1] * hidden[l];
        }
        return flops + 2L * hidden[hidden.length - 1] * heads;
    }

    /**
     * What slot {@code feature} of {@code x} adds to a head's wide logit: weight × value, or for a
     * hashed slot the weight of the bucket it holds (0 when it holds none).
     */
    public double wideContribution(float[] x, int feature, int head) {
        float v = x[feature];
        if (v == 0f) {
            return 0.0;
        }
        int row = hashBase[feature] >= 0 ? hashBase[feature] + bucket(v) : feature;
        double w = first[row * (hidden[0] + headNames.length) + hidden[0] + head];
        return hashBase[feature] >= 0 ? w : w * v;
    }

    /**
     * The bucket a hashed slot's value 1 + b names.
     *
     * @throws IllegalArgumentException when the value is not 1 + a bucket of this scorer
     */
    int bucket(float v) {
        int b = (int) v - 1;
        if (b < 0 || b >= buckets || b + 1 != v) {
            throw new IllegalArgumentException("hashed slot holds " + v + ", not 1 + a bucket");
        }
        return b;
    }

    /** The wide part's bias for a head. */
    public double wideBias(int head) {
        return firstBias[hidden[0] + head];
    }

    /**
     * The logits of one candidate split in two: {@code wide[h]} the wide part (bias included),
     * {@code deep[h]} the deep part; the probability is sigmoid(wide + deep).
     */
    public void explain(float[] x, double[] wide, double[] deep) {
        ScalarForward r = reference;
        if (r == null) {
            r = new ScalarForward(this);
            reference = r;
        }
        r.logits(x, wide, deep);
    }

    /**
     * Per head, the mean absolute logit of the deep part over the examples, as model-version record
     * entries {@code <head>.deep_abs_logit}: how much the deep part moves the scores. A value of 0
     * means its ReLU units are dead and the model ranks with its wide part alone.
     */
    public Map<String, String> meanAbsDeepLogits(List<float[]> examples) {
        int heads = headNames.length;
        double[] sum = new double[heads];
        double[] wide = new double[heads];
        double[] deep = new double[heads];
        for (float[] x : examples) {
            explain(x, wide, deep);
            for (int h = 0; h < heads; h++) {
                sum[h] += Math.abs(deep[h]);
            }
        }
        Map<String, String> out = new TreeMap<>();
        for (int h = 0; h < heads; h++) {
            double mean = examples.isEmpty() ? Double.NaN : sum[h] / examples.size();
            out.put(headNames[h] + ".deep_abs_logit", String.format(Locale.ROOT, "%.6f", mean));
        }
        return out;
    }

    @Override
    public void predict(float[] x, double[] outProbabilities) {
        if (x.length != featureNames.length) {
            throw new IllegalArgumentException(
                    "expected " + featureNames.length + " features, got " + x.length);
        }
        predictBatch(x, 1, outProbabilities);
    }

    @Override
    public void predictBatch(float[] xs, int n, double[] out) {
        checkBuffers(xs, n, out);
        pass().forward(xs, n, SharedSlots.NONE, out);
    }

    /**
     * As {@link #predictBatch(float[], int, double[])}, with the products of the shared slots (the
     * user-side slots of one request) computed once for the batch: the same probabilities, bit for
     * bit.
     */
    @Override
    public void predictBatch(float[] xs, int n, double[] out, SharedSlots shared) {
        checkBuffers(xs, n, out);
        shared.check(xs, n, featureNames.length);
        pass().forward(xs, n, shared, out);
    }

    /**
     * Which forward pass this JVM runs: the Vector API one (with its lane count) or the scalar one
     * (no {@code jdk.incubator.vector}, or {@code -Dfeedlab.scorer.scalar=true}).
     */
    public String forwardPass() {
        return pass().describe();
    }

    /**
     * FLOPs the Vector API pass executes per candidate for this batch (a multiply and an add count
     * one each; padding lanes not counted): per non-zero slot, h₁ + heads adds, plus as many
     * multiplies unless the slot is worth 1 (a one-hot slot: its row is gathered and added) or is
     * shared (its products are computed once for the batch and counted once); every dense layer in
     * full, 2·in·out (zero activations are multiplied too); the output layer 2·h_last·heads. The
     * sigmoids (one exp per head) are not counted.
     */
    public double executedFlopsPerCandidate(float[] xs, int n, SharedSlots shared) {
        checkBuffers(xs, n, new double[n * headNames.length]);
        shared.check(xs, n, featureNames.length);
        int f = featureNames.length;
        int heads = headNames.length;
        int stride = hidden[0] + heads;
        boolean[] isShared = new boolean[f];
        for (int k = 0; k < shared.size(); k++) {
            isShared[shared.slot(k)] = true;
        }
        long flops = 0;
        for (int k = 0; k < shared.size(); k++) {
            flops += n > 0 && xs[shared.slot(k)] != 0f ? stride : 0;
        }
        for (int r = 0; r < n; r++) {
            for (int s = 0; s < f; s++) {
                float v = xs[r * f + s];
                if (v != 0f) {
                    flops += v == 1f || isShared[s] || hashBase[s] >= 0 ? stride : 2L * stride;
                }
            }
        }
        long dense = 0;
        for (int l = 1; l < hidden.length; l++) {
            dense += 2L * hidden[l - 1] * hidden[l];
        }
        dense += 2L * hidden[hidden.length - 1] * heads;
        return n == 0 ? 0.0 : (double) flops / n + dense;
    }

    private void checkBuffers(float[] xs, int n, double[] out) {
        if (n < 0) {
            throw new IllegalArgumentException("negative batch size " + n);
        }
        int f = featureNames.length;
        int heads = headNames.length;
        if (xs.length < (long) n * f || out.length < (long) n * heads) {
            throw new IllegalArgumentException(
                    "buffers hold "
                            + xs.length
                            + " features and "
                            + out.length
                            + " outputs, need "
                            + (long) n * f
                            + " and "
                            + (long) n * heads);
        }
    }

    private ForwardPass pass() {
        ForwardPass p = pass;
        if (p == null) {
            p = ForwardPasses.create(this);
            pass = p;
        }
        return p;
    }

    // The weights as compiled, for the forward passes of this package.

    int[] hidden() {
        return hidden;
    }

    float[] first() {
        return first;
    }

    int[] hashBase() {
        return hashBase;
    }

    float[] firstBias() {
        return firstBias;
    }

    float[][] layers() {
        return layers;
    }

    float[][] biases() {
        return biases;
    }

    float[] output() {
        return output;
    }

    /**
     * Encodes this scorer: magic, format version, names, sizes, weights, then a CRC32 of all of it,
     * so a truncated or altered model is refused at load instead of ranking feeds.
     */
    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            ModelBytes.writeNames(out, featureNames);
            ModelBytes.writeNames(out, headNames);
            out.writeInt(hidden.length);
            for (int h : hidden) {
                out.writeInt(h);
            }
            out.writeInt(buckets);
            for (int b : hashBase) {
                out.writeInt(b);
            }
            out.writeInt(first.length / (hidden[0] + heads()));
            writeFloats(out, first);
            writeFloats(out, firstBias);
            for (int l = 0; l < layers.length; l++) {
                writeFloats(out, layers[l]);
                writeFloats(out, biases[l]);
            }
            writeFloats(out, output);
            out.flush();
            ModelBytes.seal(buffer.toByteArray(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * Decodes bytes written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException starting with "corrupted model" when the checksum does not
     *     match or the content is malformed
     */
    public static WideDeepScorer fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        int body = ModelBytes.checkedBodyLength(bytes, 2 * Integer.BYTES);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException(
                        "corrupted model: not a wide&deep scorer (bad magic)");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "corrupted model: unsupported format version " + version);
            }
            String[] features = ModelBytes.readNames(in, body);
            String[] heads = ModelBytes.readNames(in, body);
            int layerCount = in.readInt();
            if (layerCount < 1 || layerCount > 64) {
                throw new IllegalArgumentException("corrupted model: " + layerCount + " layers");
            }
            int[] hidden = new int[layerCount];
            for (int l = 0; l < layerCount; l++) {
                hidden[l] = in.readInt();
                if (hidden[l] < 1 || hidden[l] > 1 << 16) {
                    throw new IllegalArgumentException(
                            "corrupted model: hidden width " + hidden[l]);
                }
            }
            int buckets = in.readInt();
            if (buckets < 1 || buckets > 1 << 24) {
                throw new IllegalArgumentException("corrupted model: " + buckets + " buckets");
            }
            int[] hashBase = new int[features.length];
            for (int s = 0; s < hashBase.length; s++) {
                hashBase[s] = in.readInt();
            }
            int rows = in.readInt();
            if (rows < features.length) {
                throw new IllegalArgumentException("corrupted model: " + rows + " first rows");
            }
            float[] first = readFloats(in, (long) rows * (hidden[0] + heads.length));
            float[] firstBias = readFloats(in, hidden[0] + heads.length);
            float[][] layers = new float[layerCount - 1][];
            float[][] biases = new float[layerCount - 1][];
            for (int l = 1; l < layerCount; l++) {
                layers[l - 1] = readFloats(in, (long) hidden[l - 1] * hidden[l]);
                biases[l - 1] = readFloats(in, hidden[l]);
            }
            float[] output = readFloats(in, (long) hidden[layerCount - 1] * heads.length);
            if (in.available() != 0) {
                throw new IllegalArgumentException(
                        "corrupted model: " + in.available() + " trailing bytes");
            }
            return new WideDeepScorer(
                    features, heads, hidden, hashBase, buckets, first, firstBias, layers, biases,
                    output);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupted model: " + e.getMessage(), e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in, long count) throws IOException {
        // Check the size before allocating, so a forged header cannot ask for gigabytes.
        if (count * Float.BYTES > in.available()) {
            throw new IllegalArgumentException(
                    "corrupted model: needs "
                            + count * Float.BYTES
                            + " more bytes, "
                            + in.available()
                            + " left");
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("corrupted model: non-finite weight");
            }
        }
        return values;
    }

    private static String[] distinct(String[] names, String what) {
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one " + what + " is needed");
        }
        HashSet<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || !seen.add(name)) {
                throw new IllegalArgumentException("null or duplicate " + what + " name: " + name);
            }
        }
        return names;
    }

    private static boolean finite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("corrupted model: bad " + what);
        }
    }

    @Override
    public String toString() {
        return "WideDeepScorer[features="
                + features()
                + ", heads="
                + heads()
                + ", hidden="
                + Arrays.toString(hidden)
                + "]";
    }
}
