package org.feedlab.ranker.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;

/**
 * The serving form of a trained multi-label linear model: one weight row and one bias per head,
 * laid out in the ranker's own feature and head order, so scoring a candidate is a few dot products
 * over a float array with no lookups by name and no allocation.
 *
 * <p>Probabilities are {@code sigmoid(w_h · x + b_h)}, which is what Tribuo's multi-label {@link
 * LinearSGDModel} computes with the binary cross-entropy objective (its weight matrix is
 * [outputs][features + 1] with the bias in the last column, followed by a sigmoid normaliser).
 *
 * <p>Shipped between processes as {@link #toBytes()}, a small checksummed format, rather than Java
 * serialization, which would run code from untrusted bytes. The fields are plain final arrays so
 * Kryo can copy an instance too.
 */
public final class DenseLinearScorer implements Scorer {

    /** "FLDS": FeedLab dense scorer. */
    private static final int MAGIC = 0x464C4453;

    private static final int FORMAT_VERSION = 1;

    private final String[] featureNames;
    private final String[] headNames;

    /** [heads][features]: a head's row is contiguous, so its dot product streams through memory. */
    private final double[][] weights;

    private final double[] bias;

    /**
     * Builds a scorer from explicit weights; every array is copied.
     *
     * @param featureNames names of the input features, in the order of {@code x}
     * @param headNames names of the heads, in the order of the output probabilities
     * @param weights [heads][features] weights
     * @param bias one bias per head
     */
    public DenseLinearScorer(
            List<String> featureNames, List<String> headNames, double[][] weights, double[] bias) {
        this.featureNames = distinctNames(featureNames, "feature");
        this.headNames = distinctNames(headNames, "head");
        int f = this.featureNames.length;
        int h = this.headNames.length;
        if (weights.length != h || bias.length != h) {
            throw new IllegalArgumentException(
                    "expected "
                            + h
                            + " weight rows and biases, got "
                            + weights.length
                            + " and "
                            + bias.length);
        }
        this.weights = new double[h][];
        for (int head = 0; head < h; head++) {
            if (weights[head].length != f) {
                throw new IllegalArgumentException(
                        "weight row "
                                + head
                                + " has "
                                + weights[head].length
                                + " values, expected "
                                + f);
            }
            this.weights[head] = weights[head].clone();
        }
        this.bias = bias.clone();
    }

    /**
     * Compiles a trained Tribuo model into a dense scorer in our feature and head order.
     *
     * <p>A feature the model never saw gets weight 0, which is what Tribuo does with an unknown
     * feature name at prediction time; model features outside {@code featureNames} are dropped,
     * since the serving path cannot supply them. A head missing from the model's output domain is
     * an error: the scorer would have nothing to predict for it.
     *
     * @param model a multi-label linear SGD model
     * @param featureNames the order of the serving feature vector
     * @param headNames the order of the serving probabilities
     * @return the compiled scorer
     */
    public static DenseLinearScorer compile(
            LinearSGDModel model, List<String> featureNames, List<String> headNames) {
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        ImmutableOutputInfo<MultiLabel> outputInfo = model.getOutputIDInfo();
        DenseMatrix tribuoWeights = model.getWeightsCopy();
        // Tribuo appends a constant-1 bias feature after the last feature id.
        int biasColumn = featureMap.size();
        if (tribuoWeights.getDimension2Size() != biasColumn + 1) {
            throw new IllegalArgumentException(
                    "unexpected weight matrix: "
                            + tribuoWeights.getDimension2Size()
                            + " columns for "
                            + featureMap.size()
                            + " features plus a bias");
        }
        int[] featureIds = new int[featureNames.size()];
        for (int j = 0; j < featureIds.length; j++) {
            featureIds[j] = featureMap.getID(featureNames.get(j));
        }
        double[][] weights = new double[headNames.size()][featureIds.length];
        double[] bias = new double[headNames.size()];
        for (int head = 0; head < bias.length; head++) {
            int row = outputInfo.getID(new MultiLabel(headNames.get(head)));
            if (row < 0) {
                throw new IllegalArgumentException(
                        "model has no output for head '" + headNames.get(head) + "'");
            }
            for (int j = 0; j < featureIds.length; j++) {
                weights[head][j] = featureIds[j] < 0 ? 0.0 : tribuoWeights.get(row, featureIds[j]);
            }
            bias[head] = tribuoWeights.get(row, biasColumn);
        }
        return new DenseLinearScorer(featureNames, headNames, weights, bias);
    }

    /** Number of input features. */
    @Override
    public int features() {
        return featureNames.length;
    }

    /** Number of heads (output probabilities per candidate). */
    @Override
    public int heads() {
        return headNames.length;
    }

    /** Input feature names, in the order of {@code x}. */
    @Override
    public List<String> featureNames() {
        return List.of(featureNames);
    }

    /** Head names, in the order of the output probabilities. */
    @Override
    public List<String> headNames() {
        return List.of(headNames);
    }

    /** The weight of {@code feature} in head {@code head}. */
    public double weight(int head, int feature) {
        return weights[head][feature];
    }

    /** The bias of head {@code head}. */
    public double bias(int head) {
        return bias[head];
    }

    /** A copy of the [heads][features] weights. */
    public double[][] weightsCopy() {
        double[][] copy = new double[weights.length][];
        for (int head = 0; head < weights.length; head++) {
            copy[head] = weights[head].clone();
        }
        return copy;
    }

    /** A copy of the per-head biases. */
    public double[] biasCopy() {
        return bias.clone();
    }

    /**
     * Scores one candidate without allocating.
     *
     * @param x {@link #features()} feature values
     * @param outProbabilities receives {@link #heads()} probabilities (may be longer)
     */
    @Override
    public void predict(float[] x, double[] outProbabilities) {
        if (x.length != featureNames.length) {
            throw new IllegalArgumentException(
                    "expected " + featureNames.length + " features, got " + x.length);
        }
        checkCapacity(outProbabilities, weights.length, "outProbabilities");
        score(x, 0, outProbabilities, 0);
    }

    /**
     * Scores {@code n} candidates without allocating. Buffers may be longer than needed, so a
     * caller can reuse one pair of buffers across requests of different sizes.
     *
     * @param xs n × {@link #features()} feature values, row-major
     * @param n number of candidates
     * @param out receives n × {@link #heads()} probabilities, row-major
     */
    @Override
    public void predictBatch(float[] xs, int n, double[] out) {
        if (n < 0) {
            throw new IllegalArgumentException("negative batch size " + n);
        }
        checkCapacity(xs, (long) n * featureNames.length, "xs");
        checkCapacity(out, (long) n * weights.length, "out");
        int f = featureNames.length;
        int h = weights.length;
        for (int row = 0; row < n; row++) {
            score(xs, row * f, out, row * h);
        }
    }

    private void score(float[] xs, int xOffset, double[] out, int outOffset) {
        int f = featureNames.length;
        for (int head = 0; head < weights.length; head++) {
            double[] w = weights[head];
            double z = bias[head];
            for (int j = 0; j < f; j++) {
                z += w[j] * xs[xOffset + j];
            }
            // Same form as Tribuo's SigmoidNormalizer; exp overflow gives exactly 0, never NaN.
            out[outOffset + head] = 1.0 / (1.0 + Math.exp(-z));
        }
    }

    private static void checkCapacity(float[] a, long needed, String name) {
        if (a.length < needed) {
            throw new IllegalArgumentException(
                    name + " holds " + a.length + " values, needs " + needed);
        }
    }

    private static void checkCapacity(double[] a, long needed, String name) {
        if (a.length < needed) {
            throw new IllegalArgumentException(
                    name + " holds " + a.length + " values, needs " + needed);
        }
    }

    /**
     * Encodes this scorer: magic, format version, names, weights and biases, then a CRC32 of all of
     * it, so a truncated or altered model is refused at load instead of ranking feeds.
     */
    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            ModelBytes.writeNames(out, featureNames);
            ModelBytes.writeNames(out, headNames);
            for (double[] row : weights) {
                for (double w : row) {
                    out.writeDouble(w);
                }
            }
            for (double b : bias) {
                out.writeDouble(b);
            }
            out.flush();
            ModelBytes.seal(buffer.toByteArray(), out);
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; reaching this is a bug.
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
    public static DenseLinearScorer fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        int bodyLength = ModelBytes.checkedBodyLength(bytes, 2 * Integer.BYTES);
        try (DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyLength))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException(
                        "corrupted model: not a dense scorer (bad magic)");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "corrupted model: unsupported format version " + version);
            }
            List<String> features = Arrays.asList(ModelBytes.readNames(in, bodyLength));
            List<String> heads = Arrays.asList(ModelBytes.readNames(in, bodyLength));
            // Check the size before allocating, so a forged header cannot ask for gigabytes.
            long doubles = (long) heads.size() * features.size() + heads.size();
            if (doubles * Double.BYTES != in.available()) {
                throw new IllegalArgumentException(
                        "corrupted model: "
                                + in.available()
                                + " bytes of weights for "
                                + heads.size()
                                + " heads × "
                                + features.size()
                                + " features");
            }
            double[][] weights = new double[heads.size()][features.size()];
            for (double[] row : weights) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = in.readDouble();
                }
            }
            double[] bias = new double[heads.size()];
            for (int head = 0; head < bias.length; head++) {
                bias[head] = in.readDouble();
            }
            return new DenseLinearScorer(features, heads, weights, bias);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupted model: " + e.getMessage(), e);
        }
    }

    private static String[] distinctNames(List<String> names, String what) {
        String[] copy = names.toArray(new String[0]);
        if (copy.length == 0) {
            throw new IllegalArgumentException("at least one " + what + " is needed");
        }
        HashSet<String> seen = new HashSet<>();
        for (String name : copy) {
            if (name == null || !seen.add(name)) {
                throw new IllegalArgumentException("null or duplicate " + what + " name: " + name);
            }
        }
        return copy;
    }

    @Override
    public String toString() {
        return "DenseLinearScorer[features=" + features() + ", heads=" + heads() + "]";
    }
}
