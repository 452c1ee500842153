package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.feedlab.ranker.model.ModelBytes;
import org.feedlab.ranker.model.SharedSlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A compiled scorer small enough to work out by hand: slots a and b hold values, slot h a hashed id
 * (two buckets), one hidden layer of two units and two heads. Its scores, explanations, FLOP
 * counts, the checks of its constructor and the checks of its byte form.
 */
class WideDeepScorerTest {
    private static final double EPS = 1e-6;

    private static final String[] FEATURES = {"a", "b", "h"};
    private static final String[] HEADS = {"click", "like"};

    /** Slot h's bucket rows start after the three slots' rows. */
    private static final int[] HASH_BASE = {-1, -1, 3};

    /** Per row: hidden unit 0, hidden unit 1, wide weight of click, wide weight of like. */
    private static float[] first() {
        return new float[] {
            1,
            -1,
            0.5f,
            2, // a
            0,
            2,
            -1,
            0.25f, // b
            9,
            9,
            9,
            9, // h's own row: a hashed slot never reads it
            0.5f,
            0,
            1,
            -2, // h, bucket 0
            -1,
            1,
            3,
            0.5f // h, bucket 1
        };
    }

    private static float[] firstBias() {
        return new float[] {0.1f, -0.2f, 0.25f, -0.5f};
    }

    /** [unit][head]. */
    private static float[] output() {
        return new float[] {1, -1, 0.5f, 2};
    }

    /** The constructor's arguments: the scorer above until a test changes one. */
    private static final class Parts {
        String[] features = FEATURES.clone();
        String[] heads = HEADS.clone();
        int[] hidden = {2};
        int[] hashBase = HASH_BASE.clone();
        int buckets = 2;
        float[] first = first();
        float[] firstBias = firstBias();
        float[][] layers = new float[0][];
        float[][] biases = new float[0][];
        float[] output = output();
    }

    /** Two hidden layers, 2 then 3 units: the second layer is [2][3] with 3 biases. */
    private static Consumer<Parts> twoLayers(float[] layer, float[] layerBias) {
        return p -> {
            p.hidden = new int[] {2, 3};
            p.layers = new float[][] {layer};
            p.biases = new float[][] {layerBias};
            p.output = new float[6];
        };
    }

    private static WideDeepScorer scorer() {
        return scorer(p -> {});
    }

    private static WideDeepScorer scorer(Consumer<Parts> change) {
        Parts p = new Parts();
        change.accept(p);
        return new WideDeepScorer(
                p.features,
                p.heads,
                p.hidden,
                p.hashBase,
                p.buckets,
                p.first,
                p.firstBias,
                p.layers,
                p.biases,
                p.output);
    }

    /**
     * a = 0.5, b = 1, h holds bucket 1. Hidden: unit 0 = 0.1 + 0.5 + 0 − 1 = −0.4 → 0, unit 1 =
     * −0.2 − 0.5 + 2 + 1 = 2.3. Wide: click 0.25 + 0.25 − 1 + 3 = 2.5, like −0.5 + 1 + 0.25 + 0.5 =
     * 1.25. Deep: click 2.3 · 0.5 = 1.15, like 2.3 · 2 = 4.6.
     */
    private static final float[] X = {0.5f, 1f, 2f};

    /**
     * a = 1, b = 0, h holds bucket 0. Hidden: unit 0 = 0.1 + 1 + 0.5 = 1.6, unit 1 = −0.2 − 1 + 0 →
     * 0. Wide: click 0.25 + 0.5 + 1 = 1.75, like −0.5 + 2 − 2 = −0.5. Deep: click 1.6, like −1.6.
     */
    private static final float[] Y = {1f, 0f, 1f};

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    @Test
    void scoresAndExplanationsAreTheHandWorkedLogits() {
        WideDeepScorer s = scorer();
        double[] p = new double[2];
        s.predict(X, p);
        assertEquals(sigmoid(2.5 + 1.15), p[0], EPS);
        assertEquals(sigmoid(1.25 + 4.6), p[1], EPS);
        s.predict(Y, p);
        assertEquals(sigmoid(1.75 + 1.6), p[0], EPS);
        assertEquals(sigmoid(-0.5 - 1.6), p[1], EPS);

        double[] wide = new double[2];
        double[] deep = new double[2];
        s.explain(X, wide, deep);
        assertArrayEquals(new double[] {2.5, 1.25}, wide, EPS);
        assertArrayEquals(new double[] {1.15, 4.6}, deep, EPS);
        s.explain(Y, wide, deep);
        assertArrayEquals(new double[] {1.75, -0.5}, wide, EPS);
        assertArrayEquals(new double[] {1.6, -1.6}, deep, EPS);

        // Both passes, one row at a time and as a batch, with and without shared slots.
        float[] xs = new float[6];
        System.arraycopy(X, 0, xs, 0, 3);
        System.arraycopy(X, 0, xs, 3, 3);
        double[] expected = {
            sigmoid(3.65), sigmoid(5.85), sigmoid(3.65), sigmoid(5.85),
        };
        for (ForwardPass pass : List.of(new ScalarForward(s), VectorForward.of(s))) {
            for (SharedSlots shared :
                    List.of(SharedSlots.NONE, SharedSlots.of(0), SharedSlots.of(0, 1, 2))) {
                double[] out = new double[4];
                pass.forward(xs, 2, shared, out);
                assertArrayEquals(expected, out, EPS, pass.describe() + " " + shared);
            }
        }
    }

    @Test
    void wideContributionsAndBiasesAreTheWideWeights() {
        WideDeepScorer s = scorer();
        // A value slot: weight × value.
        assertEquals(0.5 * 0.5, s.wideContribution(X, 0, 0), EPS);
        assertEquals(2 * 0.5, s.wideContribution(X, 0, 1), EPS);
        assertEquals(-1.0, s.wideContribution(X, 1, 0), EPS);
        assertEquals(0.25, s.wideContribution(X, 1, 1), EPS);
        // A hashed slot: its bucket's weight, whatever number names the bucket.
        assertEquals(3.0, s.wideContribution(X, 2, 0), EPS);
        assertEquals(0.5, s.wideContribution(X, 2, 1), EPS);
        assertEquals(1.0, s.wideContribution(Y, 2, 0), EPS);
        assertEquals(-2.0, s.wideContribution(Y, 2, 1), EPS);
        // An empty slot adds nothing.
        assertEquals(0.0, s.wideContribution(Y, 1, 0));
        assertEquals(0.0, s.wideContribution(new float[] {0f, 0f, 0f}, 2, 1));
        assertEquals(0.25, s.wideBias(0), EPS);
        assertEquals(-0.5, s.wideBias(1), EPS);
        // The contributions and the bias add up to the wide logit.
        double[] wide = new double[2];
        s.explain(X, wide, new double[2]);
        for (int h = 0; h < 2; h++) {
            double sum = s.wideBias(h);
            for (int j = 0; j < 3; j++) {
                sum += s.wideContribution(X, j, h);
            }
            assertEquals(wide[h], sum, EPS);
        }
    }

    @Test
    void meanAbsoluteDeepLogitsArePerHead() {
        WideDeepScorer s = scorer();
        assertEquals(
                Map.of("click.deep_abs_logit", "1.375000", "like.deep_abs_logit", "3.100000"),
                s.meanAbsDeepLogits(List.of(X, Y)));
        assertEquals(
                Map.of("click.deep_abs_logit", "1.600000", "like.deep_abs_logit", "1.600000"),
                s.meanAbsDeepLogits(List.of(Y)));
        assertEquals(
                Map.of("click.deep_abs_logit", "NaN", "like.deep_abs_logit", "NaN"),
                s.meanAbsDeepLogits(List.of()));
    }

    @Test
    void aHashedSlotMustHoldOnePlusABucket() {
        WideDeepScorer s = scorer();
        assertEquals(0, s.bucket(1f));
        assertEquals(1, s.bucket(2f));
        for (float v : new float[] {0.5f, 1.5f, 3f, -1f}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> s.bucket(v));
            assertEquals("hashed slot holds " + v + ", not 1 + a bucket", e.getMessage());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> s.predict(new float[] {0, 0, v}, new double[2]));
        }
    }

    @Test
    void flopsAreCountedPerCandidate() {
        WideDeepScorer s = scorer();
        // 2 · nonZero · (h1 + heads) + 2 · h1 · heads.
        assertEquals(2 * 3 * 4 + 2 * 2 * 2, s.flopsPerCandidate(3));
        assertEquals(
                2L * 5 * (8 + 3) + 2 * 8 * 4 + 2 * 4 * 3,
                WideDeepScorer.flopsPerCandidate(5, new int[] {8, 4}, 3));
        float[] xs = new float[6];
        System.arraycopy(X, 0, xs, 0, 3);
        System.arraycopy(X, 0, xs, 3, 3);
        xs[4] = 0f;
        // Row 0: a = 0.5 multiplies and adds (8), b = 1 and the hashed h add (4 each); row 1 has
        // b = 0, which costs nothing; the output layer 2 · 2 · 2.
        assertEquals((16 + 12) / 2.0 + 8, s.executedFlopsPerCandidate(xs, 2, SharedSlots.NONE));
        // Slot a shared: its products once for the batch (4), then one add per row (4).
        assertEquals((4 + 12 + 8) / 2.0 + 8, s.executedFlopsPerCandidate(xs, 2, SharedSlots.of(0)));
        assertEquals(0.0, s.executedFlopsPerCandidate(xs, 0, SharedSlots.of(0)));
        assertEquals(3, s.features());
        assertEquals(2, s.heads());
        assertEquals(List.of("a", "b", "h"), s.featureNames());
        assertEquals(List.of("click", "like"), s.headNames());
        assertArrayEquals(new int[] {2}, s.hiddenSizes());
        assertEquals("WideDeepScorer[features=3, heads=2, hidden=[2]]", s.toString());
    }

    @Test
    void buffersAndBatchSizesAreChecked() {
        WideDeepScorer s = scorer();
        assertMessage("expected 3 features, got 2", () -> s.predict(new float[2], new double[2]));
        assertMessage(
                "negative batch size -1", () -> s.predictBatch(new float[3], -1, new double[2]));
        assertMessage(
                "buffers hold 5 features and 4 outputs, need 6 and 4",
                () -> s.predictBatch(new float[5], 2, new double[4]));
        assertMessage(
                "buffers hold 6 features and 3 outputs, need 6 and 4",
                () -> s.predictBatch(new float[6], 2, new double[3], SharedSlots.NONE));
        assertMessage(
                "buffers hold 5 features and 4 outputs, need 6 and 4",
                () -> s.executedFlopsPerCandidate(new float[5], 2, SharedSlots.NONE));
        // Exactly large enough is enough.
        s.predictBatch(new float[6], 2, new double[4]);
    }

    @Test
    void theConstructorRefusesInconsistentShapes() {
        assertCorrupt("at least one hidden layer", () -> scorer(p -> p.hidden = new int[0]));
        assertCorrupt("hashed slots", () -> scorer(p -> p.hashBase = new int[] {-1, -1}));
        assertCorrupt("hashed slots", () -> scorer(p -> p.buckets = 0));
        // A bucket row inside the slots' rows.
        assertCorrupt(
                "hashed slots",
                () ->
                        scorer(
                                p -> {
                                    p.hashBase = new int[] {-1, -1, 2};
                                    p.first = Arrays.copyOf(first(), 16);
                                }));
        assertCorrupt("first layer size", () -> scorer(p -> p.first = Arrays.copyOf(first(), 16)));
        assertCorrupt("first bias size", () -> scorer(p -> p.firstBias = new float[3]));
        assertCorrupt("layer count", () -> scorer(p -> p.layers = new float[1][4]));
        assertCorrupt("layer count", () -> scorer(p -> p.biases = new float[1][2]));
        assertCorrupt("output layer size", () -> scorer(p -> p.output = new float[3]));
        assertCorrupt("layer 1 size", () -> scorer(twoLayers(new float[5], new float[3])));
        assertCorrupt("layer 1 bias size", () -> scorer(twoLayers(new float[6], new float[2])));
        scorer(twoLayers(new float[6], new float[3]));
        // Non-finite weights anywhere.
        float[] bias = firstBias();
        bias[1] = Float.POSITIVE_INFINITY;
        assertCorrupt("non-finite weight", () -> scorer(p -> p.firstBias = bias));
        float[] out = output();
        out[3] = Float.NaN;
        assertCorrupt("non-finite weight", () -> scorer(p -> p.output = out));
        float[] layer = new float[6];
        layer[5] = Float.NEGATIVE_INFINITY;
        assertCorrupt("non-finite weight", () -> scorer(twoLayers(layer, new float[3])));
        float[] layerBias = new float[3];
        layerBias[0] = Float.NaN;
        assertCorrupt("non-finite weight", () -> scorer(twoLayers(new float[6], layerBias)));
    }

    @Test
    void namesMustBeDistinctAndPresent() {
        assertMessage(
                "at least one feature is needed",
                () ->
                        scorer(
                                p -> {
                                    p.features = new String[0];
                                    p.hashBase = new int[0];
                                    p.first = new float[4];
                                }));
        assertMessage(
                "at least one head is needed",
                () ->
                        scorer(
                                p -> {
                                    p.heads = new String[0];
                                    p.firstBias = new float[2];
                                    p.output = new float[0];
                                }));
        assertMessage(
                "null or duplicate feature name: a",
                () -> scorer(p -> p.features = new String[] {"a", "b", "a"}));
        assertMessage(
                "null or duplicate head name: null",
                () -> scorer(p -> p.heads = new String[] {"click", null}));
    }

    @Test
    void theByteFormRoundTripsAndEachHeaderCheckHolds() throws IOException {
        WideDeepScorer s = scorer();
        byte[] bytes = s.toBytes();
        WideDeepScorer back = WideDeepScorer.fromBytes(bytes);
        assertArrayEquals(bytes, back.toBytes());
        double[] p = new double[2];
        back.predict(X, p);
        assertEquals(sigmoid(3.65), p[0], EPS);
        assertEquals(sigmoid(5.85), p[1], EPS);
        assertEquals(1, back.bucket(2f));

        byte[] body = Arrays.copyOf(bytes, bytes.length - ModelBytes.CHECKSUM_BYTES);
        // Magic, version, the names (count + length-prefixed), then the header ints.
        int layersAt = 8 + (4 + 3 * 3) + (4 + 7 + 6);
        int hiddenAt = layersAt + 4;
        int bucketsAt = hiddenAt + 4;
        int hashAt = bucketsAt + 4;
        int rowsAt = hashAt + 3 * 4;
        int floatsAt = rowsAt + 4;
        assertEquals(5, ByteBuffer.wrap(body).getInt(rowsAt));
        assertEquals(body.length, floatsAt + 4 * (20 + 4 + 4));

        assertCorrupt("not a wide&deep scorer (bad magic)", patched(body, 0, 0x464C5745));
        assertCorrupt("unsupported format version 3", patched(body, 4, 3));
        assertCorrupt("unsupported format version 1", patched(body, 4, 1));
        assertCorrupt("0 layers", patched(body, layersAt, 0));
        assertCorrupt("65 layers", patched(body, layersAt, 65));
        assertCorrupt("hidden width 0", patched(body, hiddenAt, 0));
        assertCorrupt("hidden width 65537", patched(body, hiddenAt, (1 << 16) + 1));
        assertCorrupt("0 buckets", patched(body, bucketsAt, 0));
        assertCorrupt("16777217 buckets", patched(body, bucketsAt, (1 << 24) + 1));
        assertCorrupt("2 first rows", patched(body, rowsAt, 2));
        assertCorrupt("needs 24000 more bytes, 112 left", patched(body, rowsAt, 1500));
        assertCorrupt("bad hashed slots", patched(body, hashAt + 8, 1));
        // The largest sizes the header admits pass its checks (and fail later): 64 layers read
        // the buckets and the first hashed slot as widths, the widest layer wants more bytes than
        // there are, and 2^24 buckets do not fit five first-layer rows.
        assertCorrupt("hidden width -1", patched(body, layersAt, 64));
        assertCorrupt("needs", patched(body, hiddenAt, 1 << 16), true);
        assertCorrupt("bad first layer size", patched(body, bucketsAt, 1 << 24));
        body[floatsAt + 5 * 4] = (byte) 0x7F;
        body[floatsAt + 5 * 4 + 1] = (byte) 0xC0;
        assertCorrupt("non-finite weight", sealed(body));
        byte[] trailing = Arrays.copyOf(bytes, bytes.length - ModelBytes.CHECKSUM_BYTES + 3);
        assertCorrupt("3 trailing bytes", sealed(trailing));
    }

    private static byte[] patched(byte[] body, int at, int value) throws IOException {
        byte[] copy = body.clone();
        ByteBuffer.wrap(copy).putInt(at, value);
        return sealed(copy);
    }

    private static byte[] sealed(byte[] body) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.write(body);
        out.flush();
        ModelBytes.seal(body, out);
        return buffer.toByteArray();
    }

    private static void assertCorrupt(String what, byte[] bytes) {
        assertCorrupt(what, bytes, false);
    }

    private static void assertCorrupt(String what, byte[] bytes, boolean prefix) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> WideDeepScorer.fromBytes(bytes));
        if (prefix) {
            assertEquals(
                    "corrupted model: " + what,
                    e.getMessage().substring(0, ("corrupted model: " + what).length()),
                    e.getMessage());
        } else {
            assertEquals("corrupted model: " + what, e.getMessage());
        }
    }

    private static void assertCorrupt(String what, Executable build) {
        assertMessage("corrupted model: bad " + what, build);
    }

    private static void assertMessage(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
