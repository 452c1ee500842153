package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.SharedSlots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Vector API pass and the scalar pass give the same probabilities bit for bit, with and without
 * the user-side slots computed once per request, on trained models and on random weights of awkward
 * widths, for batches of 1, odd sizes and 1,000.
 */
class ForwardPassTest {
    private static final int[] BATCHES = {1, 2, 3, 5, 7, 33, 301, 1000};
    private static final SharedSlots USER = SharedSlots.of(FeatureSpace.userSideSlots());

    private static ServingFixture fixture;
    private static WideDeepScorer trainedDefault;
    private static WideDeepScorer trainedWide;

    @BeforeAll
    static void train() {
        fixture = new ServingFixture(5);
        trainedDefault = fixture.trained(List.of(32, 16), 3);
        trainedWide = fixture.trained(List.of(128, 64, 32), 4);
    }

    @Test
    void testsRunTheVectorPass() {
        // The build adds jdk.incubator.vector to the test JVMs: the comparisons below are real.
        assertTrue(ForwardPasses.vectorInUse());
        assertTrue(trainedDefault.forwardPass().startsWith("Vector API"));
    }

    @Test
    void trainedModelsGiveIdenticalProbabilitiesOnEveryPath() {
        for (WideDeepScorer scorer : List.of(trainedDefault, trainedWide)) {
            for (int n : BATCHES) {
                assertAllPathsEqual(scorer, fixture.request(n), n);
            }
        }
    }

    @Test
    void randomWeightsOfAwkwardWidthsGiveIdenticalProbabilities() {
        // The first stage is h1 padded to whole lane blocks, then the 10 heads' blocks, gathered
        // four blocks at a time and the rest by three, two or one: between them these widths end on
        // each of those at an offset, for 16 float lanes (60: 4 + 1 blocks, 80: 5 + 1, 90: 6 + 1)
        // and for 8 (17: 3 + 2, 60: 8 + 2, 100: 13 + 2).
        int[][] shapes = {
            {32, 16},
            {1},
            {5, 3},
            {17, 33, 15},
            {128, 128, 64},
            {48, 16},
            {60},
            {80, 8},
            {90, 8},
            {100, 8}
        };
        long seed = 40;
        for (int[] hidden : shapes) {
            WideDeepScorer scorer = random(hidden, Heads.names().size(), seed++);
            for (int n : BATCHES) {
                assertAllPathsEqual(scorer, fixture.request(n), n);
            }
        }
    }

    /**
     * The user-side slots the pass hoists once per request hold values other than 0 and 1 here, and
     * one pass serves two users in turn: the second request must not reuse the first one's
     * products.
     */
    @Test
    void hoistedUserSlotsAreRecomputedForEveryRequest() {
        int f = Feature.count();
        int heads = trainedDefault.heads();
        int n = 7;
        ForwardPass scalar = new ScalarForward(trainedDefault);
        ForwardPass vector = VectorForward.of(trainedDefault);
        for (float value : new float[] {0.5f, 0.25f, 3f}) {
            float[] xs = fixture.request(n);
            for (int slot : FeatureSpace.userSideSlots()) {
                if (FeatureSpace.hashedField(Feature.names().get(slot)) == null) {
                    for (int r = 0; r < n; r++) {
                        xs[r * f + slot] = value;
                    }
                }
            }
            double[] reference = new double[n * heads];
            scalar.forward(xs, n, SharedSlots.NONE, reference);
            for (ForwardPass pass : List.of(scalar, vector)) {
                double[] out = new double[n * heads];
                pass.forward(xs, n, USER, out);
                for (int i = 0; i < out.length; i++) {
                    assertEquals(reference[i], out[i], 0.0, pass.describe() + " value " + value);
                }
            }
        }
    }

    @Test
    void vectorPassIsTheCompiledModelsScores() {
        // Against the scorer's own entry points too, including the single-row predict.
        float[] xs = fixture.request(9);
        int f = Feature.count();
        int heads = trainedDefault.heads();
        double[] batch = new double[9 * heads];
        trainedDefault.predictBatch(xs, 9, batch, USER);
        double[] one = new double[heads];
        float[] x = new float[f];
        for (int r = 0; r < 9; r++) {
            System.arraycopy(xs, r * f, x, 0, f);
            trainedDefault.predict(x, one);
            for (int h = 0; h < heads; h++) {
                assertEquals(one[h], batch[r * heads + h], 0.0, "row " + r + " head " + h);
            }
        }
    }

    @Test
    void rowsThatDifferInASharedSlotAreRefused() {
        float[] xs = fixture.request(4);
        int slot = FeatureSpace.userSideSlots()[0];
        xs[2 * Feature.count() + slot] += 0.25f;
        double[] out = new double[4 * trainedDefault.heads()];
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> trainedDefault.predictBatch(xs, 4, out, USER));
        assertEquals("row 2 differs from row 0 in shared slot " + slot, e.getMessage());
    }

    @Test
    void nonFiniteWeightsAreRefused() {
        WideDeepScorer ok = random(new int[] {4}, 2, 1);
        float[] first = ok.first().clone();
        first[3] = Float.NaN;
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new WideDeepScorer(
                                        Feature.names().toArray(new String[0]),
                                        new String[] {"a", "b"},
                                        ok.hidden(),
                                        ok.hashBase(),
                                        FeatureSpace.ID_BUCKETS,
                                        first,
                                        ok.firstBias(),
                                        ok.layers(),
                                        ok.biases(),
                                        ok.output()));
        assertEquals("corrupted model: bad non-finite weight", e.getMessage());
    }

    @Test
    void executedFlopsCountTheGathersAndTheDenseLayers() {
        WideDeepScorer scorer = random(new int[] {4, 3}, 2, 9);
        int f = Feature.count();
        // Two rows: slot 0 = 0.5 (multiply-add), slot 1 = 1 (add only), shared user slot u = 0.5.
        int u = FeatureSpace.userSideSlots()[0];
        float[] xs = new float[2 * f];
        for (int r = 0; r < 2; r++) {
            xs[r * f] = 0.5f;
            xs[r * f + 1] = 1f;
            xs[r * f + u] = 0.5f;
        }
        int stride = 4 + 2;
        double dense = 2 * 4 * 3 + 2 * 3 * 2;
        // Without sharing: per row 2·stride + stride + 2·stride.
        assertEquals(5 * stride + dense, scorer.executedFlopsPerCandidate(xs, 2, SharedSlots.NONE));
        // Shared: the user slot's products once for the batch (stride / 2 per row), then adds.
        assertEquals(
                (2 * stride + stride + stride) + stride / 2.0 + dense,
                scorer.executedFlopsPerCandidate(xs, 2, USER));
    }

    /**
     * Scalar and vector passes, each with and without the shared user-side slots, and the scalar
     * pass one row at a time: all equal bit for bit.
     */
    private static void assertAllPathsEqual(WideDeepScorer scorer, float[] xs, int n) {
        int heads = scorer.heads();
        ForwardPass scalar = new ScalarForward(scorer);
        ForwardPass vector = VectorForward.of(scorer);
        double[] reference = new double[n * heads];
        scalar.forward(xs, n, SharedSlots.NONE, reference);
        double[] out = new double[n * heads];
        for (ForwardPass pass : List.of(scalar, vector)) {
            for (SharedSlots shared : List.of(SharedSlots.NONE, USER)) {
                java.util.Arrays.fill(out, Double.NaN);
                pass.forward(xs, n, shared, out);
                for (int i = 0; i < n * heads; i++) {
                    if (Double.doubleToRawLongBits(out[i])
                            != Double.doubleToRawLongBits(reference[i])) {
                        fail(
                                pass.describe()
                                        + " with "
                                        + shared
                                        + ", "
                                        + scorer
                                        + ", batch "
                                        + n
                                        + ": row "
                                        + i / heads
                                        + " head "
                                        + i % heads
                                        + " "
                                        + out[i]
                                        + " != "
                                        + reference[i]);
                    }
                }
            }
        }
    }

    /** A scorer over the ranker's features with random weights (some exactly zero). */
    static WideDeepScorer random(int[] hidden, int heads, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int f = Feature.count();
        // Hashed slots read bucket rows after the slots' rows, one block per hashed field.
        int[] hashBase = new int[f];
        java.util.Map<String, Integer> bases = new java.util.HashMap<>();
        int rows = f;
        for (int s = 0; s < f; s++) {
            FeatureSpace.Field hashed = FeatureSpace.hashedField(Feature.names().get(s));
            hashBase[s] = -1;
            if (hashed != null) {
                if (!bases.containsKey(hashed.name())) {
                    bases.put(hashed.name(), rows);
                    rows += FeatureSpace.ID_BUCKETS;
                }
                hashBase[s] = bases.get(hashed.name());
            }
        }
        float[] first = values(rng, rows * (hidden[0] + heads));
        float[] firstBias = values(rng, hidden[0] + heads);
        float[][] layers = new float[hidden.length - 1][];
        float[][] biases = new float[hidden.length - 1][];
        for (int l = 1; l < hidden.length; l++) {
            layers[l - 1] = values(rng, hidden[l - 1] * hidden[l]);
            biases[l - 1] = values(rng, hidden[l]);
        }
        String[] headNames = new String[heads];
        for (int h = 0; h < heads; h++) {
            headNames[h] = "h" + h;
        }
        return new WideDeepScorer(
                Feature.names().toArray(new String[0]),
                headNames,
                hidden.clone(),
                hashBase,
                FeatureSpace.ID_BUCKETS,
                first,
                firstBias,
                layers,
                biases,
                values(rng, hidden[hidden.length - 1] * heads));
    }

    private static float[] values(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextInt(10) == 0 ? 0f : (float) rng.nextDouble(-1, 1);
        }
        return v;
    }
}
