package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.state.StateIO;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

/**
 * The pieces of the wide&amp;deep model on inputs small enough to check by hand: the layout read
 * off feature names, the input standardisation, the parameters' shapes, forward pass and sealed
 * form, the trainer's targets and checks, and the Tribuo model's own predictions.
 */
class WideDeepPartsTest {
    private static final double EPS = 1e-12;

    private static ImmutableFeatureMap featureMap(String... names) {
        MutableFeatureMap m = new MutableFeatureMap();
        for (String n : names) {
            m.add(n, 0.0);
        }
        return new ImmutableFeatureMap(m);
    }

    @Test
    void theLayoutReadsFieldsSlotsAndCrossesOffTheNames() {
        ImmutableFeatureMap map = featureMap("n", "f=0", "f=2", "cross.x=1", "g=1", "m");
        Layout layout = Layout.of(map);
        assertEquals(6, layout.features());
        int[] numeric = {map.getID("n"), map.getID("m")};
        java.util.Arrays.sort(numeric);
        assertArrayEquals(numeric, layout.numericIds());
        // Fields in id order of their first slot; a missing slot is -1; crosses are no field.
        assertArrayEquals(new String[] {"f", "g"}, layout.fieldNames());
        assertArrayEquals(new int[] {map.getID("f=0"), -1, map.getID("f=2")}, layout.fieldIds()[0]);
        assertArrayEquals(new int[] {-1, map.getID("g=1")}, layout.fieldIds()[1]);
        assertEquals(2 + 2 * 3, layout.deepInputs(3));

        // Slots ordered by k, not by name: f=10 sorts before f=2 among the names.
        Layout wide = Layout.of(featureMap("f=10", "f=2", "f=0"));
        int[] ids = wide.fieldIds()[0];
        assertEquals(11, ids.length);
        assertEquals(wide.features(), 3);
        ImmutableFeatureMap wideMap = featureMap("f=10", "f=2", "f=0");
        assertEquals(wideMap.getID("f=10"), ids[10]);
        assertEquals(wideMap.getID("f=2"), ids[2]);
        assertEquals(wideMap.getID("f=0"), ids[0]);

        assertTrue(
                layout.sameAs(Layout.of(featureMap("n", "f=0", "f=2", "cross.x=1", "g=1", "m"))));
        assertFalse(layout.sameAs(null));
        assertFalse(
                layout.sameAs(
                        new Layout(
                                7, layout.numericIds(), layout.fieldNames(), layout.fieldIds())));
        assertFalse(
                layout.sameAs(
                        new Layout(
                                6,
                                new int[] {numeric[0]},
                                layout.fieldNames(),
                                layout.fieldIds())));
        assertFalse(
                layout.sameAs(
                        new Layout(
                                6,
                                layout.numericIds(),
                                new String[] {"f", "h"},
                                layout.fieldIds())));
        assertFalse(
                layout.sameAs(
                        new Layout(
                                6,
                                layout.numericIds(),
                                layout.fieldNames(),
                                new int[][] {layout.fieldIds()[0], {-1, -1}})));
    }

    /** Three examples over u, c and f=0: u is 1, 3 and absent; c is always 2. */
    private static ImmutableDataset<MultiLabel> smallDataset() {
        List<TrainingExample> rows =
                List.of(
                        new TrainingExample(new float[] {1, 2, 1}, 1),
                        new TrainingExample(new float[] {3, 2, 0}, 0),
                        new TrainingExample(new float[] {0, 2, 1}, 1));
        return Datasets.multiLabel(
                rows, List.of("u", "c", "f=0"), new int[] {0, 1, 2}, List.of("y"), false, "small");
    }

    @Test
    void theInputScaleIsTheMeanAndInverseDeviationOfTheWindow() {
        ImmutableDataset<MultiLabel> data = smallDataset();
        Layout layout = Layout.of(data.getFeatureIDMap());
        InputScale scale = InputScale.fit(data, layout);
        int u = -1;
        int c = -1;
        for (int i = 0; i < layout.numericIds().length; i++) {
            String name = data.getFeatureIDMap().get(layout.numericIds()[i]).getName();
            u = name.equals("u") ? i : u;
            c = name.equals("c") ? i : c;
        }
        // u: mean 4/3, variance 10/3 − 16/9 = 14/9 (the absent value counts as 0).
        assertEquals(4.0 / 3, scale.shift()[u], EPS);
        assertEquals(3 / Math.sqrt(14), scale.scale()[u], EPS);
        // c: constant, centred and left unscaled.
        assertEquals(2.0, scale.shift()[c], EPS);
        assertEquals(1.0, scale.scale()[c], EPS);
        assertEquals((5 - 4.0 / 3) * 3 / Math.sqrt(14), scale.apply(u, 5), EPS);
        assertEquals(-2.0, scale.apply(c, 0), EPS);
    }

    /**
     * Parameters over one numeric input n and a two-slot field f, one head, embeddings of width 1,
     * one hidden unit, with every weight set by hand.
     */
    private static WideDeepParameters handParameters(Layout layout) {
        WideDeepParameters p =
                new WideDeepParameters(
                        layout,
                        1,
                        1,
                        new int[] {1},
                        new InputScale(new double[] {1.0}, new double[] {2.0}),
                        new SplittableRandom(1));
        Tensor[] w = p.get();
        assertEquals(5, w.length);
        return p;
    }

    /**
     * Initial weights: embeddings N(0, 1/d), hidden layers He N(0, 2/in) for ReLU (sample standard
     * deviations over 1,600 and 1,000 draws, within 10 %).
     */
    @Test
    void initialWeightsHaveTheirDeclaredScales() {
        String[] names = new String[401];
        names[0] = "n";
        for (int v = 0; v < 400; v++) {
            names[1 + v] = "f=" + v;
        }
        Layout layout = Layout.of(featureMap(names));
        int d = 4;
        WideDeepParameters p =
                new WideDeepParameters(
                        layout,
                        1,
                        d,
                        new int[] {200},
                        new InputScale(new double[] {0.0}, new double[] {1.0}),
                        new SplittableRandom(7));
        int in = layout.deepInputs(d);
        assertEquals(1 + d, in);
        assertEquals(1 / Math.sqrt(d), sd(p.embedding(0)), 0.1 / Math.sqrt(d));
        assertEquals(Math.sqrt(2.0 / in), sd(p.layer(0)), 0.1 * Math.sqrt(2.0 / in));
    }

    private static double sd(DenseMatrix m) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < m.getDimension1Size(); i++) {
            for (int j = 0; j < m.getDimension2Size(); j++) {
                sum += m.get(i, j);
                squares += m.get(i, j) * m.get(i, j);
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }

    @Test
    void theForwardPassIsWidePlusDeepOnAHandSetNetwork() {
        ImmutableFeatureMap map = featureMap("n", "f=0", "f=1");
        Layout layout = Layout.of(map);
        int n = map.getID("n");
        int f0 = map.getID("f=0");
        int f1 = map.getID("f=1");
        WideDeepParameters p = handParameters(layout);
        DenseMatrix wide = p.wide();
        assertEquals(1, wide.getDimension1Size());
        assertEquals(4, wide.getDimension2Size());
        wide.set(0, n, 0.5);
        wide.set(0, f0, -1.0);
        wide.set(0, f1, 2.0);
        wide.set(0, 3, 0.25);
        DenseMatrix e = p.embedding(0);
        assertEquals(1, e.getDimension1Size());
        assertEquals(2, e.getDimension2Size());
        e.set(0, 0, 3.0);
        e.set(0, 1, -4.0);
        DenseMatrix l0 = p.layer(0);
        assertEquals(1, l0.getDimension1Size());
        assertEquals(2, l0.getDimension2Size());
        l0.set(0, 0, 1.5);
        l0.set(0, 1, 0.5);
        p.layerBias(0).set(0, 0.125);
        DenseMatrix out = p.output();
        assertEquals(0.0, out.get(0, 0));
        out.set(0, 0, -2.0);

        // n = 3 (standardised: (3 − 1) · 2 = 4), f = 0, the bias entry.
        SparseVector x =
                SparseVector.createSparseVector(
                        4, sorted(new int[] {n, f0, 3}), values(map, n, 3.0, f0, 1.0));
        // Wide: 0.5 · 3 − 1 + 0.25 = 0.75. Hidden: 0.125 + 1.5 · 4 + 0.5 · 3 = 7.625. Deep: −15.25.
        assertEquals(0.75 - 15.25, p.predict(x).get(0), EPS);
        assertArrayEquals(new double[] {-15.25}, p.deepLogits(x), EPS);
        // n absent (standardised: (0 − 1) · 2 = −2), f = 1: hidden 0.125 − 3 − 2 < 0, deep 0.
        SparseVector y = SparseVector.createSparseVector(4, new int[] {f1, 3}, new double[] {1, 1});
        assertEquals(2.0 + 0.25, p.predict(y).get(0), EPS);
        assertArrayEquals(new double[] {0.0}, p.deepLogits(y), EPS);

        // A copy holds the same weights in tensors of its own.
        WideDeepParameters copy = p.copy();
        assertNotSame(p.wide(), copy.wide());
        assertEquals(p.predict(x).get(0), copy.predict(x).get(0), 0.0);
        copy.wide().set(0, 3, 100.0);
        assertEquals(0.75 - 15.25, p.predict(x).get(0), EPS);

        // The sealed form gives back the same bits.
        WideDeepParameters back = WideDeepParameters.fromBytes(p.toBytes());
        assertEquals(p.predict(x).get(0), back.predict(x).get(0), 0.0);
        assertEquals(p.predict(y).get(0), back.predict(y).get(0), 0.0);
        assertArrayEquals(p.toBytes(), back.toBytes());
        assertTrue(back.sameShape(layout, 1, 1, new int[] {1}));
        assertArrayEquals(new double[] {1.0}, back.inputScale().shift());
        assertArrayEquals(new double[] {2.0}, back.inputScale().scale());
    }

    private static int[] sorted(int[] ids) {
        int[] s = ids.clone();
        java.util.Arrays.sort(s);
        return s;
    }

    /** Values in the ascending order of their ids (the bias entry, id 3, is 1). */
    private static double[] values(ImmutableFeatureMap map, int a, double va, int b, double vb) {
        double[] v = new double[3];
        int[] ids = sorted(new int[] {a, b, 3});
        for (int i = 0; i < 3; i++) {
            v[i] = ids[i] == a ? va : ids[i] == b ? vb : 1.0;
        }
        return v;
    }

    @Test
    void parametersCheckTheirShapesAndRefuseOtherForms() {
        Layout layout = Layout.of(featureMap("n", "f=0", "f=1"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new WideDeepParameters(
                                        layout,
                                        1,
                                        1,
                                        new int[] {1},
                                        new InputScale(new double[2], new double[2]),
                                        new SplittableRandom(1)));
        assertEquals("input scale has 2 inputs, the layout 1", e.getMessage());

        WideDeepParameters p =
                new WideDeepParameters(
                        layout,
                        2,
                        3,
                        new int[] {4, 5},
                        new InputScale(new double[1], new double[] {1}),
                        new SplittableRandom(2));
        assertEquals(2, p.heads());
        assertEquals(3, p.embeddingDim());
        int[] hidden = p.hidden();
        assertArrayEquals(new int[] {4, 5}, hidden);
        hidden[0] = 99;
        assertArrayEquals(new int[] {4, 5}, p.hidden());
        // wide, one embedding, two layers with biases, output.
        Tensor[] w = p.get();
        assertEquals(7, w.length);
        Tensor[] empty = p.getEmptyCopy();
        assertEquals(w.length, empty.length);
        for (int i = 0; i < w.length; i++) {
            assertArrayEquals(w[i].getShape(), empty[i].getShape(), "tensor " + i);
            assertEquals(w[i].getClass(), empty[i].getClass(), "tensor " + i);
            if (empty[i] instanceof DenseMatrix m) {
                for (int r = 0; r < m.getDimension1Size(); r++) {
                    for (int c = 0; c < m.getDimension2Size(); c++) {
                        assertEquals(0.0, m.get(r, c));
                    }
                }
            } else {
                assertEquals(0.0, ((DenseVector) empty[i]).sum());
            }
        }
        assertArrayEquals(new int[] {2, 4}, w[0].getShape());
        assertArrayEquals(new int[] {3, 2}, w[1].getShape());
        assertArrayEquals(new int[] {4, 1 + 3}, w[2].getShape());
        assertArrayEquals(new int[] {4}, w[3].getShape());
        assertArrayEquals(new int[] {5, 4}, w[4].getShape());
        assertArrayEquals(new int[] {5}, w[5].getShape());
        assertArrayEquals(new int[] {2, 5}, w[6].getShape());
        e =
                assertThrows(
                        IllegalArgumentException.class, () -> p.set(java.util.Arrays.copyOf(w, 6)));
        assertEquals("expected 7 tensors, got 6", e.getMessage());
        Tensor[] replaced = p.getEmptyCopy();
        p.set(replaced);
        assertTrue(p.get() == replaced);
        assertThrows(UnsupportedOperationException.class, p::serialize);

        assertTrue(p.sameShape(layout, 2, 3, new int[] {4, 5}));
        assertFalse(p.sameShape(Layout.of(featureMap("n", "f=0")), 2, 3, new int[] {4, 5}));
        assertFalse(p.sameShape(layout, 1, 3, new int[] {4, 5}));
        assertFalse(p.sameShape(layout, 2, 2, new int[] {4, 5}));
        assertFalse(p.sameShape(layout, 2, 3, new int[] {4, 6}));
    }

    @Test
    void theSealedFormRefusesOldAndMalformedParameters() {
        byte[] old = StateIO.seal("FLWP", 1, 0, (out, v) -> {});
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> WideDeepParameters.fromBytes(old));
        assertEquals(
                "corrupted state (FLWP): wide&deep parameters of version 1 store embeddings"
                        + " untransposed",
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> WideDeepParameters.fromBytes(forged(4, 2)));
        assertEquals(
                "corrupted state (FLWP): corrupted wide&deep parameters: 4 tensors",
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> WideDeepParameters.fromBytes(forged(5, 3)));
        assertEquals(
                "corrupted state (FLWP): corrupted wide&deep parameters: tensor kind 3",
                e.getMessage());
        // The same header with five tensors of the right kinds reads.
        WideDeepParameters p = WideDeepParameters.fromBytes(forged(5, 2));
        assertEquals(1, p.heads());
        assertEquals(0.5, p.wide().get(0, 2), 0.0);
        assertEquals(0.5, p.layerBias(0).get(0), 0.0);
        assertEquals(0.5, p.output().get(0, 0), 0.0);
    }

    /**
     * A sealed form of version 2 for features {n, f=0} (one head, embeddings of width 1, one hidden
     * unit): {@code tensors} tensors, every weight 0.5, the matrices written as of kind {@code
     * kind}.
     */
    private static byte[] forged(int tensors, int kind) {
        return StateIO.seal(
                "FLWP",
                2,
                0,
                (out, v) -> {
                    out.writeInt(2);
                    StateIO.writeInts(out, new int[] {0});
                    out.writeInt(1);
                    StateIO.writeString(out, "f");
                    StateIO.writeInts(out, new int[] {1});
                    out.writeInt(1);
                    out.writeInt(1);
                    StateIO.writeInts(out, new int[] {1});
                    StateIO.writeDoubles(out, new double[] {0});
                    StateIO.writeDoubles(out, new double[] {1});
                    out.writeInt(tensors);
                    // wide 1×3, embedding 1×1, hidden layer 1×2, its bias, output 1×1
                    int[] columns = {3, 1, 2, 0, 1};
                    for (int t = 0; t < tensors; t++) {
                        if (t == 3) {
                            out.writeByte(1);
                            StateIO.writeDoubles(out, new double[] {0.5});
                        } else {
                            out.writeByte(kind);
                            out.writeInt(1);
                            out.writeInt(columns[t]);
                            for (int c = 0; c < columns[t]; c++) {
                                out.writeDouble(0.5);
                            }
                        }
                    }
                });
    }

    @Test
    void trainerTargetsMaskHeadsWhoseMarkerIsAbsent() {
        List<TrainingExample> rows =
                List.of(
                        new TrainingExample(new float[] {1, 0}, 0b01),
                        new TrainingExample(new float[] {0, 1}, 0b10));
        WideDeepTrainer trainer = trainer(2, 4, 3, new int[] {4});
        MultiLabelFactory factory = new MultiLabelFactory();
        ImmutableOutputInfo<MultiLabel> info =
                Datasets.multiLabel(
                                rows,
                                List.of("u", "v"),
                                new int[] {0, 1},
                                List.of("a", "b"),
                                false,
                                "t")
                        .getOutputIDInfo();
        assertEquals(2, info.size());
        // Without markers: 1 for a present label, 0 otherwise.
        SGDVector t = trainer.getTarget(info, factory.generateOutput("a"));
        assertEquals(1.0, t.get(info.getID(new MultiLabel("a"))));
        assertEquals(0.0, t.get(info.getID(new MultiLabel("b"))));

        org.tribuo.MutableOutputInfo<MultiLabel> withMarker = factory.generateInfo();
        withMarker.observe(factory.generateOutput("a,b,b?"));
        ImmutableOutputInfo<MultiLabel> marked = withMarker.generateImmutableOutputInfo();
        int a = marked.getID(new MultiLabel("a"));
        int b = marked.getID(new MultiLabel("b"));
        int m = marked.getID(new MultiLabel("b?"));
        // b observed (its marker present): learnt; the marker itself never is.
        SGDVector observed = trainer.getTarget(marked, factory.generateOutput("b,b?"));
        assertEquals(0.0, observed.get(a));
        assertEquals(1.0, observed.get(b));
        assertTrue(Double.isNaN(observed.get(m)));
        SGDVector observedNo = trainer.getTarget(marked, factory.generateOutput("a,b?"));
        assertEquals(1.0, observedNo.get(a));
        assertEquals(0.0, observedNo.get(b));
        // b not observed: masked, whatever its label says.
        SGDVector unobserved = trainer.getTarget(marked, factory.generateOutput("a,b"));
        assertEquals(1.0, unobserved.get(a));
        assertTrue(Double.isNaN(unobserved.get(b)));
        assertTrue(Double.isNaN(unobserved.get(m)));
    }

    private static WideDeepTrainer trainer(int epochs, int minibatch, int dim, int[] hidden) {
        return new WideDeepTrainer(new AdaGrad(0.1), epochs, minibatch, 5, dim, hidden);
    }

    @Test
    void trainerRefusesBadSettingsAndNamesItsOwn() {
        assertProperty(
                "epochs",
                "epochs must be at least 1, got 0",
                () -> trainer(0, 4, 3, new int[] {4}));
        assertProperty(
                "minibatchSize",
                "minibatchSize must be at least 1, got 0",
                () -> trainer(1, 0, 3, new int[] {4}));
        assertProperty(
                "embeddingDim",
                "embeddingDim must be at least 1, got 0",
                () -> trainer(1, 4, 0, new int[] {4}));
        assertProperty(
                "hiddenSizes",
                "at least one hidden layer is needed",
                () -> trainer(1, 4, 3, new int[0]));
        assertProperty(
                "hiddenSizes",
                "hidden layer widths must be at least 1, got 0",
                () -> trainer(1, 4, 3, new int[] {4, 0}));
        // The smallest settings are allowed.
        WideDeepTrainer smallest = trainer(1, 1, 1, new int[] {1});
        AdaGrad adaGrad = new AdaGrad(0.1);
        assertEquals(
                "WideDeepTrainer(optimiser="
                        + adaGrad
                        + ",epochs=1,minibatchSize=1,seed=5,embeddingDim=1,hiddenSizes=[1])",
                smallest.toString());
        assertEquals("wide-deep-multi-label", smallest.getName());
        assertEquals(WideDeepModel.class.getName(), smallest.getModelClassName());
    }

    private static void assertProperty(String property, String message, Runnable build) {
        PropertyException e = assertThrows(PropertyException.class, build::run);
        assertEquals(property, e.getProperty());
        assertEquals(message, e.getMsg());
    }

    @Test
    void theTribuoModelPredictsLabelsAboveOneHalfAndRanksWideWeights() {
        List<TrainingExample> train = WideDeepTest.data(600, 21);
        TrainedModel m = WideDeepTest.wideDeep(train, 3, null);
        WideDeepModel model = (WideDeepModel) m.tribuoModel();
        double[] values = new double[WideDeepTest.FEATURES.size()];
        float[] x = train.get(0).features();
        for (int j = 0; j < values.length; j++) {
            values[j] = x[j];
        }
        ArrayExample<MultiLabel> example =
                new ArrayExample<>(
                        new MultiLabelFactory().getUnknownOutput(),
                        WideDeepTest.FEATURES.toArray(new String[0]),
                        values);
        Prediction<MultiLabel> pred = model.predict(example);
        double[] p = new double[2];
        m.scorer().predict(x, p);
        Set<String> expected = new java.util.HashSet<>();
        for (int h = 0; h < 2; h++) {
            if (p[h] > 0.5) {
                expected.add(WideDeepTest.HEADS.get(h));
            }
        }
        assertEquals(expected, pred.getOutput().getNameSet());
        assertEquals(values.length, pred.getNumActiveFeatures());
        // A copy predicts the same.
        Prediction<MultiLabel> copied = model.copy().predict(example);
        assertEquals(pred.getOutputScores().toString(), copied.getOutputScores().toString());
        assertTrue(model.getExcuse(example).isEmpty());

        // Top features: per head, by absolute wide weight, the limit applied (negative: all).
        DenseMatrix wide = model.parameters().wide();
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(3);
        assertEquals(2, top.size());
        Map<String, List<Pair<String, Double>>> all = model.getTopFeatures(-1);
        for (int h = 0; h < 2; h++) {
            String head = model.getOutputIDInfo().getOutput(h).getLabelString();
            List<Pair<String, Double>> row = all.get(head);
            assertEquals(WideDeepTest.FEATURES.size(), row.size());
            assertEquals(row.subList(0, 3), top.get(head));
            for (int j = 1; j < row.size(); j++) {
                assertTrue(Math.abs(row.get(j - 1).getB()) >= Math.abs(row.get(j).getB()));
            }
            for (Pair<String, Double> e : row) {
                int id = model.getFeatureIDMap().getID(e.getA());
                assertEquals(wide.get(h, id), e.getB(), 0.0);
            }
        }
        assertEquals(
                WideDeepTest.FEATURES.size(),
                model.getTopFeatures(100).values().iterator().next().size());
    }

    @Test
    void theLearnerRefusesAnEmptyWindowAndPicksItsColumns() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> WideDeepTest.wideDeep(List.of(), 1, null));
        assertEquals("cannot train on an empty window", e.getMessage());
        assertArrayEquals(
                new int[] {0, 2},
                WideDeepLearner.columns(List.of("a", "b", "c"), List.of("c", "a", "z")));
        assertArrayEquals(new int[0], WideDeepLearner.columns(List.of("a"), List.of()));
        // A previous version without weights is no warm start.
        List<TrainingExample> train = WideDeepTest.data(300, 22);
        TrainedModel first = WideDeepTest.wideDeep(train, 3, null);
        TrainedModel noWeights =
                new TrainedModel(
                        4,
                        null,
                        first.scorer(),
                        new byte[0],
                        first.provenance(),
                        first.trainingExamples());
        TrainedModel fresh = WideDeepTest.wideDeep(train, 3, noWeights);
        assertEquals("none", fresh.provenance().get("warm-start"));
        assertArrayEquals(first.scorer().toBytes(), fresh.scorer().toBytes());
        assertEquals("4", first.provenance().get("trainer.embeddingDim"));
        assertEquals("[16, 8]", first.provenance().get("trainer.hiddenSizes"));
        assertEquals(300, first.trainingExamples());
        assertArrayEquals(
                first.warmStart(), ((WideDeepModel) first.tribuoModel()).parameters().toBytes());
    }

    /**
     * A field of twelve slots, whose feature ids (by name: c=10 and c=11 sort before c=2) are not
     * in slot order, two of its slots set at once (sum pooling): the embedding gradient holds each
     * slot's own derivative, and a minibatch's merged gradient is the sum of its examples'.
     */
    @Test
    void gradientsOfAPooledFieldAndTheirMinibatchSum() {
        String[] names = new String[13];
        names[0] = "n";
        for (int k = 0; k < 12; k++) {
            names[1 + k] = "c=" + k;
        }
        ImmutableFeatureMap map = featureMap(names);
        Layout layout = Layout.of(map);
        WideDeepParameters p =
                new WideDeepParameters(
                        layout,
                        1,
                        2,
                        new int[] {3},
                        new InputScale(new double[] {0.5}, new double[] {2.0}),
                        new SplittableRandom(8));
        SplittableRandom rng = new SplittableRandom(9);
        DenseMatrix out = p.output();
        for (int i = 0; i < 3; i++) {
            out.set(0, i, rng.nextDouble(-1, 1));
        }
        DenseVector bias = p.layerBias(0);
        for (int i = 0; i < 3; i++) {
            bias.set(i, 1.0);
        }
        SGDVector x = example(map, 0.75, 10, 2);
        SGDVector y = example(map, -0.25, 3, 11);
        DenseVector one = DenseVector.createDenseVector(new double[] {1.0});
        Tensor[] gx = p.gradients(new Pair<>(0.0, one), x);
        DenseMatrix e = p.embedding(0);
        int checked = 0;
        for (int d = 0; d < 2; d++) {
            for (int k = 0; k < 12; k++) {
                double keep = e.get(d, k);
                e.set(d, k, keep + 1e-6);
                double up = p.predict(x).get(0);
                e.set(d, k, keep - 1e-6);
                double down = p.predict(x).get(0);
                e.set(d, k, keep);
                double numeric = (up - down) / 2e-6;
                double analytic = ((org.tribuo.math.la.Matrix) gx[1]).get(d, k);
                assertEquals(numeric, analytic, 1e-6, "embedding [" + d + "," + k + "]");
                checked += numeric != 0.0 ? 1 : 0;
            }
        }
        assertEquals(4, checked);

        // Merging two examples' gradients: every tensor is their sum, over the union of entries.
        Tensor[] gy = p.gradients(new Pair<>(0.0, one), y);
        Tensor[] merged =
                p.merge(
                        new Tensor[][] {
                            p.gradients(new Pair<>(0.0, one), x),
                            p.gradients(new Pair<>(0.0, one), y)
                        },
                        2);
        for (int t = 0; t < merged.length; t++) {
            int[] shape = merged[t].getShape();
            for (int i = 0; i < shape[0]; i++) {
                for (int j = 0; j < (shape.length > 1 ? shape[1] : 1); j++) {
                    assertEquals(
                            entry(gx[t], i, j) + entry(gy[t], i, j),
                            entry(merged[t], i, j),
                            1e-12,
                            "tensor " + t + " [" + i + "," + j + "]");
                }
            }
        }
        // The first example alone is its own merge.
        Tensor[] single = p.merge(new Tensor[][] {p.gradients(new Pair<>(0.0, one), x), gy}, 1);
        assertEquals(entry(gx[1], 1, 10), entry(single[1], 1, 10), 0.0);
        assertEquals(0.0, entry(single[1], 1, 3), 0.0);
        assertEquals(entry(gx[4], 0, 1), entry(single[4], 0, 1), 0.0);
    }

    private static double entry(Tensor t, int i, int j) {
        return t instanceof org.tribuo.math.la.Matrix m ? m.get(i, j) : ((SGDVector) t).get(i);
    }

    /** n = value, slots a and b of field c set, and the bias entry. */
    private static SGDVector example(ImmutableFeatureMap map, double n, int a, int b) {
        DenseVector v = new DenseVector(map.size() + 1);
        v.set(map.getID("n"), n);
        v.set(map.getID("c=" + a), 1.0);
        v.set(map.getID("c=" + b), 1.0);
        v.set(map.size(), 1.0);
        return SparseVector.createSparseVector(v.size(), activeIds(v), activeValues(v));
    }

    private static int[] activeIds(DenseVector v) {
        return java.util.stream.IntStream.range(0, v.size()).filter(i -> v.get(i) != 0).toArray();
    }

    private static double[] activeValues(DenseVector v) {
        return java.util.Arrays.stream(activeIds(v)).mapToDouble(v::get).toArray();
    }
}
