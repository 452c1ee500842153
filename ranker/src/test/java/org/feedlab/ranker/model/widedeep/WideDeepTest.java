package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.ranker.TrainingConfig;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.Evaluation;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.LinearTrainer;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

class WideDeepTest {
    /**
     * Two 4-valued categorical fields, two numeric features and a counter "age" in [0, 30) that
     * predicts nothing (a post-age-like input far from unit scale).
     */
    static final List<String> FEATURES =
            List.of("a=0", "a=1", "a=2", "a=3", "b=0", "b=1", "b=2", "b=3", "u", "v", "age");

    static final List<String> HEADS = List.of("parity", "linear");

    /**
     * Head "parity" is likely exactly when a + b is even: an interaction no linear model over the
     * one-hot slots can express (each slot's marginal rate is one half). Head "linear" rises with
     * u.
     */
    static List<TrainingExample> data(int n, long seed) {
        return data(n, seed, 0.85);
    }

    /**
     * As {@link #data(int, long)} with P(parity | a + b even) = {@code even}, 1 − even otherwise.
     */
    static List<TrainingExample> data(int n, long seed, double even) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = rng.nextInt(4);
            int b = rng.nextInt(4);
            float u = (float) rng.nextDouble(-1, 1);
            float v = (float) rng.nextDouble(-1, 1);
            float[] x = new float[FEATURES.size()];
            x[a] = 1f;
            x[4 + b] = 1f;
            x[8] = u;
            x[9] = v;
            x[10] = (float) rng.nextInt(30);
            double pParity = (a + b) % 2 == 0 ? even : 1.0 - even;
            double pLinear = 1.0 / (1.0 + Math.exp(-2.5 * u));
            int labels =
                    (rng.nextDouble() < pParity ? 1 : 0) | (rng.nextDouble() < pLinear ? 2 : 0);
            out.add(new TrainingExample(x, labels));
        }
        return out;
    }

    static TrainedModel wideDeep(List<TrainingExample> train, long seed, TrainedModel warm) {
        return wideDeep(train, seed, warm, 0.05);
    }

    static TrainedModel wideDeep(
            List<TrainingExample> train, long seed, TrainedModel warm, double learningRate) {
        return new WideDeepLearner(
                        FEATURES,
                        Datasets.allColumns(FEATURES.size()),
                        HEADS,
                        3,
                        learningRate,
                        8,
                        4,
                        List.of(16, 8),
                        seed)
                .train(train, 1, warm);
    }

    /**
     * The closed loop retrains every few ticks, each time warm-started from the previous version
     * with a fresh AdaGrad, on a society whose patterns drift. The deep part must keep its capacity
     * through versions that do not need it: after ten versions without the parity interaction,
     * three versions with it must learn it. With an unscaled counter among its inputs and a
     * learning rate of 0.1, the deep part's ReLU units died during the quiet versions and it could
     * not learn again (its logits stayed exactly zero).
     */
    @Test
    void deepPartKeepsItsCapacityThroughWarmStarts() {
        double rate = TrainingConfig.DEFAULTS.learningRate();
        TrainedModel model = null;
        for (int version = 0; version < 10; version++) {
            model = wideDeep(data(4000, 100 + version, 0.5), 23 + version, model, rate);
        }
        for (int version = 10; version < 13; version++) {
            model = wideDeep(data(4000, 100 + version), 23 + version, model, rate);
        }
        Evaluation.HeadScore[] score = Evaluation.score(model.scorer(), data(3000, 99));
        assertTrue(
                score[0].auc() > 0.8, "parity AUC once the interaction appears " + score[0].auc());
    }

    @Test
    void beatsTribuoLinearSgdOnAnInteraction() {
        List<TrainingExample> train = data(6000, 1);
        List<TrainingExample> test = data(3000, 2);
        TrainedModel deep = wideDeep(train, 7, null);
        TrainedModel linear = new LinearTrainer(FEATURES, HEADS, 3, 0.1, 7).train(train, 1, null);
        Evaluation.HeadScore[] d = Evaluation.score(deep.scorer(), test);
        Evaluation.HeadScore[] l = Evaluation.score(linear.scorer(), test);
        // The linear model cannot do better than chance on parity; wide&deep should be near 0.85.
        assertTrue(l[0].auc() < 0.6, "linear parity AUC " + l[0].auc());
        assertTrue(
                d[0].auc() > l[0].auc() + 0.15,
                "wide&deep " + d[0].auc() + " vs linear " + l[0].auc());
        assertTrue(
                d[0].logLoss() < l[0].logLoss() - 0.05,
                "log loss " + d[0].logLoss() + " vs " + l[0].logLoss());
        // And it learns the linear head as well as the linear model does.
        assertTrue(
                d[1].auc() > l[1].auc() - 0.02, "linear head " + d[1].auc() + " vs " + l[1].auc());
    }

    @Test
    void compiledScorerEqualsTribuoPredict() {
        TrainedModel m = wideDeep(data(2000, 3), 11, null);
        WideDeepModel model = (WideDeepModel) m.tribuoModel();
        double[] p = new double[HEADS.size()];
        for (TrainingExample e : data(200, 4)) {
            m.scorer().predict(e.features(), p);
            double[] values = new double[FEATURES.size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = e.features()[j];
            }
            Prediction<MultiLabel> pred =
                    model.predict(
                            new ArrayExample<>(
                                    new MultiLabelFactory().getUnknownOutput(),
                                    FEATURES.toArray(new String[0]),
                                    values));
            for (int h = 0; h < HEADS.size(); h++) {
                double tribuo =
                        pred.getOutputScores()
                                .get(HEADS.get(h))
                                .getLabelScore(new Label(HEADS.get(h)))
                                .orElseThrow();
                assertEquals(tribuo, p[h], 1e-5, "head " + HEADS.get(h));
            }
        }
    }

    @Test
    void batchEqualsSingle() {
        TrainedModel m = wideDeep(data(1000, 5), 13, null);
        List<TrainingExample> xs = data(37, 6);
        int f = FEATURES.size();
        float[] batch = new float[xs.size() * f];
        for (int i = 0; i < xs.size(); i++) {
            System.arraycopy(xs.get(i).features(), 0, batch, i * f, f);
        }
        double[] out = new double[xs.size() * 2];
        m.scorer().predictBatch(batch, xs.size(), out);
        double[] one = new double[2];
        for (int i = 0; i < xs.size(); i++) {
            m.scorer().predict(xs.get(i).features(), one);
            assertArrayEquals(one, new double[] {out[2 * i], out[2 * i + 1]}, 0.0);
        }
    }

    @Test
    void roundTripGivesIdenticalScoresAndTamperingIsRejected() {
        TrainedModel m = wideDeep(data(1000, 8), 17, null);
        byte[] bytes = m.scorer().toBytes();
        WideDeepScorer loaded = WideDeepScorer.fromBytes(bytes);
        assertArrayEquals(bytes, loaded.toBytes());
        double[] a = new double[2];
        double[] b = new double[2];
        for (TrainingExample e : data(50, 9)) {
            m.scorer().predict(e.features(), a);
            loaded.predict(e.features(), b);
            assertArrayEquals(a, b, 0.0);
        }
        byte[] tampered = bytes.clone();
        tampered[bytes.length / 2] ^= 0x10;
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> WideDeepScorer.fromBytes(tampered));
        assertTrue(e.getMessage().startsWith("corrupted model: checksum mismatch"), e.getMessage());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 9);
        assertThrows(IllegalArgumentException.class, () -> WideDeepScorer.fromBytes(truncated));
    }

    @Test
    void sameSeedSameModelAndWarmStartContinuesFromPreviousWeights() {
        List<TrainingExample> train = data(1000, 10);
        TrainedModel a = wideDeep(train, 19, null);
        TrainedModel b = wideDeep(train, 19, null);
        assertArrayEquals(a.scorer().toBytes(), b.scorer().toBytes());
        TrainedModel warm = wideDeep(train, 19, a);
        assertEquals("v0001", warm.provenance().get("warm-start"));
        assertNotEquals(
                Arrays.hashCode(warm.scorer().toBytes()), Arrays.hashCode(a.scorer().toBytes()));
        assertEquals("WideDeepTrainer", a.provenance().get("trainer"));
        assertEquals("none", a.provenance().get("warm-start"));
    }

    /**
     * The return head learns from each session's last impression (the one without a continuation:
     * {@link Heads#returnObserved}) only. Here every other impression carries a return label of 1
     * and the last ones come back a fifth of the time: a head masked as it should be predicts about
     * 0.2; one that learnt from every impression would predict about (4 + 0.2) / 5 = 0.84.
     */
    @Test
    void theReturnHeadLearnsFromEachSessionsLastImpression() {
        List<String> heads = Heads.names();
        SplittableRandom rng = new SplittableRandom(5);
        List<TrainingExample> train = new ArrayList<>();
        for (TrainingExample e : data(5000, 11)) {
            boolean last = train.size() % 5 == 4;
            int bits =
                    last
                            ? rng.nextDouble() < 0.2 ? 1 << Heads.RETURN : 0
                            : 1 << Heads.RETURN | 1 << Heads.CONTINUATION;
            train.add(new TrainingExample(e.features(), bits));
        }
        TrainedModel model =
                new WideDeepLearner(
                                FEATURES,
                                Datasets.allColumns(FEATURES.size()),
                                heads,
                                3,
                                0.05,
                                8,
                                4,
                                List.of(16, 8),
                                3)
                        .train(train, 1, null);
        double[] p = new double[heads.size()];
        double sum = 0.0;
        List<TrainingExample> test = data(500, 12);
        for (TrainingExample e : test) {
            model.scorer().predict(e.features(), p);
            sum += p[Heads.RETURN];
        }
        double mean = sum / test.size();
        assertTrue(mean > 0.12 && mean < 0.28, "mean predicted return " + mean);
    }
}
