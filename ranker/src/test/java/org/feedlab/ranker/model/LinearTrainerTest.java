package org.feedlab.ranker.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

/** Checks the linear trainer and its compiled scorer against Tribuo and a known logistic rule. */
class LinearTrainerTest {

    private static final List<String> FEATURES =
            List.of("affinity", "recency", "quality", "follows");
    private static final List<String> HEADS = List.of("click", "like", "reshare");

    /** The rule the synthetic labels are drawn from: [heads][features], then biases. */
    private static final double[][] TRUE_WEIGHTS = {
        {1.5, -1.0, 0.5, 1.0},
        {-0.5, 2.0, 0.0, 0.5},
        {0.0, 0.5, 2.0, -1.5},
    };

    private static final double[] TRUE_BIAS = {-0.5, -1.0, -1.5};

    private static final int EPOCHS = 3;
    private static final double LEARNING_RATE = 0.1;
    private static final long SEED = 42L;

    private static List<TrainingExample> train;
    private static List<TrainingExample> heldOut;
    private static TrainedModel model;

    @BeforeAll
    static void trainOnce() {
        train = synthetic(2000, new SplittableRandom(1), ~0);
        heldOut = synthetic(200, new SplittableRandom(2), ~0);
        model = newTrainer(SEED).train(train, 1, null);
    }

    @Test
    void compiledScorerMatchesTribuoPredictions() {
        DenseLinearScorer scorer = (DenseLinearScorer) model.scorer();
        assertEquals(FEATURES.size(), scorer.features());
        assertEquals(HEADS.size(), scorer.heads());
        double[] ours = new double[HEADS.size()];
        for (TrainingExample example : heldOut) {
            scorer.predict(example.features(), ours);
            double[] tribuo = tribuoProbabilities(model.tribuoModel(), example.features());
            assertArrayEquals(tribuo, ours, 1e-5, () -> "example " + example);
        }
    }

    @Test
    void batchScoringEqualsSingleScoring() {
        DenseLinearScorer scorer = (DenseLinearScorer) model.scorer();
        int n = heldOut.size();
        int f = scorer.features();
        int h = scorer.heads();
        float[] xs = new float[n * f + 7]; // longer than needed: buffers are reused across requests
        for (int i = 0; i < n; i++) {
            System.arraycopy(heldOut.get(i).features(), 0, xs, i * f, f);
        }
        double[] batch = new double[n * h];
        scorer.predictBatch(xs, n, batch);
        double[] single = new double[h];
        for (int i = 0; i < n; i++) {
            scorer.predict(heldOut.get(i).features(), single);
            assertArrayEquals(single, Arrays.copyOfRange(batch, i * h, (i + 1) * h));
        }
    }

    @Test
    void trainingIsDeterministicForASeed() {
        LinearTrainer trainer = newTrainer(SEED);
        TrainedModel first = trainer.train(train, 1, null);
        // The same instance again, and a fresh instance: neither call history nor identity matters.
        TrainedModel second = trainer.train(train, 1, null);
        TrainedModel fresh = newTrainer(SEED).train(train, 1, null);
        for (TrainedModel other : List.of(first, second, fresh)) {
            assertArrayEquals(
                    ((DenseLinearScorer) model.scorer()).weightsCopy(),
                    ((DenseLinearScorer) other.scorer()).weightsCopy());
            assertArrayEquals(
                    ((DenseLinearScorer) model.scorer()).biasCopy(),
                    ((DenseLinearScorer) other.scorer()).biasCopy());
            assertEquals(model.provenance(), other.provenance());
        }
        // The seed drives the shuffle, so another seed must give other weights.
        TrainedModel reseeded = newTrainer(SEED + 1).train(train, 1, null);
        assertFalse(
                Arrays.deepEquals(
                        ((DenseLinearScorer) model.scorer()).weightsCopy(),
                        ((DenseLinearScorer) reseeded.scorer()).weightsCopy()));
    }

    @Test
    void learnedModelRanksPositivesAboveNegatives() {
        DenseLinearScorer scorer = (DenseLinearScorer) model.scorer();
        List<double[]> predictions = new ArrayList<>();
        for (TrainingExample example : heldOut) {
            double[] p = new double[HEADS.size()];
            scorer.predict(example.features(), p);
            predictions.add(p);
        }
        for (int head = 0; head < HEADS.size(); head++) {
            double positives = 0;
            double negatives = 0;
            int nPos = 0;
            for (int i = 0; i < heldOut.size(); i++) {
                double p = predictions.get(i)[head];
                if (heldOut.get(i).hasLabel(head)) {
                    positives += p;
                    nPos++;
                } else {
                    negatives += p;
                }
            }
            int nNeg = heldOut.size() - nPos;
            assertTrue(nPos > 10 && nNeg > 10, "head " + head + " needs both classes: " + nPos);
            assertTrue(
                    positives / nPos > negatives / nNeg,
                    "head "
                            + HEADS.get(head)
                            + ": "
                            + positives / nPos
                            + " vs "
                            + negatives / nNeg);
            double auc = auc(predictions, heldOut, head);
            assertTrue(auc > 0.7, "head " + HEADS.get(head) + " AUC " + auc);
        }
    }

    @Test
    void learnedWeightsHaveTheSignsOfTheTrueRule() {
        for (int head = 0; head < HEADS.size(); head++) {
            for (int j = 0; j < FEATURES.size(); j++) {
                double truth = TRUE_WEIGHTS[head][j];
                if (Math.abs(truth) >= 1.0) {
                    assertEquals(
                            Math.signum(truth),
                            Math.signum(((DenseLinearScorer) model.scorer()).weight(head, j)),
                            HEADS.get(head) + "/" + FEATURES.get(j));
                }
            }
        }
    }

    @Test
    void headWithoutPositivesAndExamplesWithoutActionsAreRepresented() {
        // Mask out the reshare bit and add impressions with no action and all-zero features.
        List<TrainingExample> examples =
                new ArrayList<>(synthetic(500, new SplittableRandom(3), 0b011));
        for (int i = 0; i < 50; i++) {
            examples.add(new TrainingExample(new float[FEATURES.size()], 0));
        }
        TrainedModel trained = newTrainer(SEED).train(examples, 1, null);
        assertEquals(3, trained.tribuoModel().getOutputIDInfo().size());
        assertEquals(4, trained.tribuoModel().getFeatureIDMap().size());
        double[] p = new double[HEADS.size()];
        for (TrainingExample example : heldOut) {
            trained.scorer().predict(example.features(), p);
            assertTrue(p[2] < 0.1, "never-positive head predicts " + p[2]);
            assertArrayEquals(
                    tribuoProbabilities(trained.tribuoModel(), example.features()), p, 1e-5);
        }
        trained.scorer().predict(new float[FEATURES.size()], p);
        assertArrayEquals(
                tribuoProbabilities(trained.tribuoModel(), new float[FEATURES.size()]), p, 1e-5);
    }

    @Test
    void provenanceNamesTrainerConfigurationAndData() {
        Map<String, String> provenance = model.provenance();
        assertEquals("v0001", provenance.get("model-version"));
        assertEquals("none", provenance.get("warm-start"));
        assertEquals("LinearSGDTrainer", provenance.get("trainer"));
        assertEquals("BinaryCrossEntropy", provenance.get("trainer.objective"));
        assertEquals("AdaGrad", provenance.get("trainer.optimiser"));
        assertEquals("0.1", provenance.get("trainer.optimiser.initialLearningRate"));
        assertEquals("3", provenance.get("trainer.epochs"));
        assertEquals("42", provenance.get("trainer.seed"));
        assertEquals("2000", provenance.get("dataset.num-examples"));
        assertEquals("3", provenance.get("dataset.num-outputs"));
        assertEquals(2000, model.trainingExamples());

        TrainedModel next = newTrainer(SEED).train(train, 2, model);
        assertEquals("v0001", next.provenance().get("warm-start"));
        assertEquals(2, next.version());
    }

    @Test
    void bytesRoundTripGivesIdenticalPredictions() {
        DenseLinearScorer scorer = (DenseLinearScorer) model.scorer();
        DenseLinearScorer loaded = DenseLinearScorer.fromBytes(scorer.toBytes());
        assertEquals(scorer.featureNames(), loaded.featureNames());
        assertEquals(scorer.headNames(), loaded.headNames());
        double[] expected = new double[HEADS.size()];
        double[] actual = new double[HEADS.size()];
        for (TrainingExample example : heldOut) {
            scorer.predict(example.features(), expected);
            loaded.predict(example.features(), actual);
            assertArrayEquals(expected, actual);
        }
    }

    @Test
    void anyFlippedByteIsRefused() {
        byte[] bytes = model.scorer().toBytes();
        for (int i = 0; i < bytes.length; i++) {
            byte[] corrupted = bytes.clone();
            corrupted[i] ^= 0x01;
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> DenseLinearScorer.fromBytes(corrupted),
                            "flip at byte " + i);
            assertTrue(e.getMessage().startsWith("corrupted model"), e.getMessage());
        }
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DenseLinearScorer.fromBytes(truncated));
        assertTrue(e.getMessage().startsWith("corrupted model"), e.getMessage());
    }

    @Test
    void rejectsExamplesThatDoNotFitTheSchema() {
        LinearTrainer trainer = newTrainer(SEED);
        assertThrows(IllegalArgumentException.class, () -> trainer.train(List.of(), 1, null));
        List<TrainingExample> shortRow = List.of(new TrainingExample(new float[3], 0));
        assertThrows(IllegalArgumentException.class, () -> trainer.train(shortRow, 1, null));
        List<TrainingExample> extraHead = List.of(new TrainingExample(new float[4], 0b1000));
        assertThrows(IllegalArgumentException.class, () -> trainer.train(extraHead, 1, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> model.scorer().predict(new float[3], new double[HEADS.size()]));
    }

    private static LinearTrainer newTrainer(long seed) {
        return new LinearTrainer(FEATURES, HEADS, EPOCHS, LEARNING_RATE, seed);
    }

    /**
     * Draws examples from the true rule: two Gaussian features, one uniform, one binary (so many
     * explicit zeros), and each head positive with probability sigmoid(w·x + b).
     */
    private static List<TrainingExample> synthetic(int n, SplittableRandom rng, int labelMask) {
        List<TrainingExample> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] x = {
                (float) gaussian(rng),
                (float) gaussian(rng),
                (float) rng.nextDouble(),
                rng.nextBoolean() ? 1f : 0f
            };
            int labels = 0;
            for (int head = 0; head < TRUE_BIAS.length; head++) {
                double z = TRUE_BIAS[head];
                for (int j = 0; j < x.length; j++) {
                    z += TRUE_WEIGHTS[head][j] * x[j];
                }
                if (rng.nextDouble() < 1.0 / (1.0 + Math.exp(-z))) {
                    labels |= 1 << head;
                }
            }
            examples.add(new TrainingExample(x, labels & labelMask));
        }
        return examples;
    }

    /** Box–Muller, since SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Tribuo's own probabilities, in HEADS order, through its string-named predict path. */
    private static double[] tribuoProbabilities(Model<MultiLabel> tribuo, float[] x) {
        double[] values = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            values[j] = x[j];
        }
        ArrayExample<MultiLabel> example =
                new ArrayExample<>(
                        new MultiLabelFactory().getUnknownOutput(),
                        FEATURES.toArray(new String[0]),
                        values);
        Prediction<MultiLabel> prediction = tribuo.predict(example);
        Map<String, MultiLabel> scores = prediction.getOutputScores();
        double[] out = new double[HEADS.size()];
        for (int head = 0; head < out.length; head++) {
            String name = HEADS.get(head);
            out[head] = scores.get(name).getLabelScore(new Label(name)).orElseThrow();
        }
        return out;
    }

    /** Probability that a random positive is scored above a random negative (ties count half). */
    private static double auc(
            List<double[]> predictions, List<TrainingExample> examples, int head) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (!examples.get(i).hasLabel(head)) {
                continue;
            }
            for (int k = 0; k < examples.size(); k++) {
                if (examples.get(k).hasLabel(head)) {
                    continue;
                }
                double diff = predictions.get(i)[head] - predictions.get(k)[head];
                wins += diff > 0 ? 1 : diff == 0 ? 0.5 : 0;
                pairs++;
            }
        }
        assertNotEquals(0, pairs);
        return wins / pairs;
    }
}
