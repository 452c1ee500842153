package org.feedlab.ranker.model;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedlab.events.ModelVersion;
import org.feedlab.ranker.features.FeatureSpace;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.MutableDataset;
import org.tribuo.MutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the baseline ranker model: Tribuo's multi-label linear SGD model, one logistic head per
 * action, with binary cross-entropy and AdaGrad (Adam is broken in Tribuo 4.3.2), and compiles it
 * into a {@link DenseLinearScorer} for serving.
 *
 * <p>Training is a pure function of (examples, their order, configuration): every call builds a
 * fresh Tribuo trainer from the seed, so the result does not depend on how many models this
 * instance trained before, and the minibatch is 1, so there is no merge order to vary.
 */
public final class LinearTrainer {

    private static final MultiLabelFactory FACTORY = new MultiLabelFactory();

    /** Tribuo logs the loss every this many updates; -1 turns that off. */
    private static final int NO_LOSS_LOGGING = -1;

    private static final int MINIBATCH = 1;

    private final List<String> featureNames;
    private final List<String> headNames;
    private final String[] featureArray;
    private final int epochs;
    private final double learningRate;
    private final long seed;

    /**
     * Fixes the schema and hyperparameters; nothing is trained until {@link #train}.
     *
     * @param featureNames names of the dense features, in the order of {@link
     *     TrainingExample#features()}
     * @param headNames names of the heads; head {@code i} is bit {@code i} of {@link
     *     TrainingExample#labels()}, so at most 32
     * @param epochs passes over the examples
     * @param learningRate AdaGrad's initial learning rate
     * @param seed seed of the per-epoch shuffle
     */
    public LinearTrainer(
            List<String> featureNames,
            List<String> headNames,
            int epochs,
            double learningRate,
            long seed) {
        this.featureNames = List.copyOf(featureNames);
        this.headNames = List.copyOf(headNames);
        requireDistinct(this.featureNames, "feature");
        requireDistinct(this.headNames, "head");
        if (this.headNames.size() > Integer.SIZE) {
            throw new IllegalArgumentException(
                    "at most "
                            + Integer.SIZE
                            + " heads fit the label bit set, got "
                            + headNames.size());
        }
        for (String head : this.headNames) {
            // Tribuo joins multi-label names with commas, so a comma would split a head in two.
            if (head.contains(",")) {
                throw new IllegalArgumentException("head names cannot contain ',': " + head);
            }
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learning rate must be positive, got " + learningRate);
        }
        this.featureArray = this.featureNames.toArray(new String[0]);
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.seed = seed;
    }

    /**
     * Trains a model version on {@code examples} and compiles its scorer.
     *
     * @param examples the training window, in a deterministic order (the shuffle starts from it)
     * @param version version number of the new model, recorded in its provenance
     * @param warmStart the model this one replaces, or null. Tribuo 4.3's SGD trainers always start
     *     from zero weights, so its weights are not used; only its version is recorded, under
     *     {@code warm-start}, so a reader of the provenance knows the chain of versions
     * @return the trained model with its scorer and flattened provenance
     */
    public TrainedModel train(List<TrainingExample> examples, int version, TrainedModel warmStart) {
        String versionId = ModelVersion.label(version);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("cannot train on an empty window");
        }
        ImmutableDataset<MultiLabel> dataset = toDataset(examples, versionId);
        String warmStartVersion =
                warmStart == null ? "none" : ModelVersion.label(warmStart.version());
        Map<String, Provenance> runProvenance = new LinkedHashMap<>();
        runProvenance.put("model-version", new StringProvenance("model-version", versionId));
        runProvenance.put("warm-start", new StringProvenance("warm-start", warmStartVersion));

        LinearSGDTrainer trainer =
                new LinearSGDTrainer(
                        new BinaryCrossEntropy(),
                        new AdaGrad(learningRate),
                        epochs,
                        NO_LOSS_LOGGING,
                        MINIBATCH,
                        seed);
        LinearSGDModel model = trainer.train(dataset, runProvenance);
        DenseLinearScorer scorer = DenseLinearScorer.compile(model, featureNames, headNames);
        Map<String, String> provenance = ProvenanceFlattener.flatten(model.getProvenance());
        // Tribuo's linear SGD starts from zero weights: there is nothing to warm-start from.
        return new TrainedModel(version, model, scorer, new byte[0], provenance, examples.size());
    }

    /**
     * Converts the window into a Tribuo dataset whose domains hold every feature and every head.
     *
     * <p>Every example carries all features, zeros included: Tribuo keeps explicit zeros in an
     * {@link ArrayExample}, so each feature enters the feature map and every example is dense. An
     * impression with no action is a {@link MultiLabel} with an empty label set (Tribuo's "unknown"
     * output is a distinct sentinel, so this is a valid all-negative target). A head that no
     * example in the window has would be missing from the dataset's output domain, and the model
     * would have no row for it; the dataset is therefore re-based on an output domain that observes
     * every head once more than the window does (only the per-label counts see that extra
     * observation; training uses the ids alone).
     */
    private ImmutableDataset<MultiLabel> toDataset(
            List<TrainingExample> examples, String versionId) {
        MutableDataset<MultiLabel> window =
                new MutableDataset<>(
                        new SimpleDataSourceProvenance(
                                "training window of model " + versionId, FACTORY),
                        FACTORY);
        int f = featureArray.length;
        for (int i = 0; i < examples.size(); i++) {
            TrainingExample example = examples.get(i);
            float[] x = example.features();
            if (x.length != f) {
                throw new IllegalArgumentException(
                        "example " + i + " has " + x.length + " features, expected " + f);
            }
            // The survey-asked marker is not a head: the linear baseline trains unasked as "no",
            // and the return head on every impression of the session.
            int headBits = example.labels() & ~Heads.SURVEY_ASKED;
            if (headNames.size() < Integer.SIZE && headBits >>> headNames.size() != 0) {
                throw new IllegalArgumentException(
                        "example "
                                + i
                                + " sets label bits beyond the "
                                + headNames.size()
                                + " heads: "
                                + Integer.toBinaryString(example.labels()));
            }
            double[] values = new double[f];
            for (int j = 0; j < f; j++) {
                if (!Float.isFinite(x[j])) {
                    throw new IllegalArgumentException(
                            "example " + i + " feature " + featureArray[j] + " is " + x[j]);
                }
                // A hashed id slot holds a bucket number, not a value: the linear model has no
                // per-id weights, so it sees none of them (wide&deep and the FM do).
                values[j] = FeatureSpace.hashedField(featureArray[j]) == null ? x[j] : 0.0;
            }
            window.add(new ArrayExample<>(labelsOf(example), featureArray, values));
        }
        MutableOutputInfo<MultiLabel> heads = FACTORY.generateInfo();
        heads.observe(labelsOf(~0));
        for (Example<MultiLabel> example : window) {
            heads.observe(example.getOutput());
        }
        return ImmutableDataset.copyDataset(
                window, window.getFeatureIDMap(), heads.generateImmutableOutputInfo());
    }

    private MultiLabel labelsOf(TrainingExample example) {
        return labelsOf(example.labels());
    }

    private MultiLabel labelsOf(int bits) {
        Set<Label> set = new HashSet<>();
        for (int head = 0; head < headNames.size(); head++) {
            if ((bits >>> head & 1) != 0) {
                set.add(new Label(headNames.get(head)));
            }
        }
        return new MultiLabel(set);
    }

    /** The feature order this trainer expects and its scorers read. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The head order of the label bits and of the scorers' outputs. */
    public List<String> headNames() {
        return headNames;
    }

    private static void requireDistinct(List<String> names, String what) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one " + what + " is needed");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("duplicate " + what + " names: " + names);
        }
    }
}
