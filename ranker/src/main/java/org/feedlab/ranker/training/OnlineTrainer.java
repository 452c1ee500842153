package org.feedlab.ranker.training;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.feedlab.events.Action;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.ModelConfig;
import org.feedlab.ranker.ModelResolution;
import org.feedlab.ranker.TrainingConfig;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureMask;
import org.feedlab.ranker.model.DenseLinearScorer;
import org.feedlab.ranker.model.Evaluation;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.LinearTrainer;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.model.Scorers;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.model.widedeep.WideDeepLearner;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;
import org.feedlab.ranker.state.StateIO;

/**
 * Keeps a sliding window of logged impressions and retrains on it every {@code retrainEvery} ticks
 * once the bootstrap (exploration) period is over. The model trained at tick t sees only
 * impressions of ticks &lt; t and ranks from tick t on. In {@link TrainingConfig.Mode#LOG_ONLY} it
 * keeps every logged example and never trains.
 */
public final class OnlineTrainer {
    /**
     * Tribuo logs two INFO lines per training through java.util.logging; with a retraining every
     * few ticks that drowns the console. Held statically so the level is not garbage collected.
     */
    private static final Logger TRIBUO_SGD = Logger.getLogger("org.tribuo.common.sgd");

    static {
        TRIBUO_SGD.setLevel(Level.WARNING);
    }

    /** One example in this many is held out of training to evaluate the new version. */
    static final int HOLDOUT_ONE_IN = 10;

    private final TrainingConfig config;
    private final ModelConfig model;
    private final Map<String, Integer> withheldLater;
    private final long runSeed;
    private final Deque<TickExamples> window = new ArrayDeque<>();
    private TrainedModel current;

    /** The examples logged in one tick. */
    private record TickExamples(long tick, List<TrainingExample> examples) {}

    /**
     * @param config the training schedule and SGD settings
     * @param model the model to build, as resolved ({@link org.feedlab.ranker.ModelResolution})
     * @param withheldLater groups withheld only from a later tick, with that tick ({@link
     *     org.feedlab.ranker.ModelResolution#withheldLater}): a version trained at or after it is
     *     trained without them
     * @param runSeed the run seed
     */
    public OnlineTrainer(
            TrainingConfig config,
            ModelConfig model,
            Map<String, Integer> withheldLater,
            long runSeed) {
        this.config = config;
        this.model = model;
        this.withheldLater = Map.copyOf(withheldLater);
        this.runSeed = runSeed;
    }

    /** Adds the training examples of one tick's impressions. */
    public void add(long tick, List<TrainingExample> examples) {
        if (!examples.isEmpty()) {
            window.addLast(new TickExamples(tick, examples));
        }
    }

    /**
     * Whether a new model is due before ranking tick t. {@code retrainEvery = 0} switches training
     * off (for model-free objectives at scale), and a log-only trainer never trains.
     */
    public boolean due(long tick) {
        if (config.mode() == TrainingConfig.Mode.LOG_ONLY || config.retrainEvery() <= 0) {
            return false;
        }
        long sinceBootstrap = tick - config.bootstrapTicks();
        return sinceBootstrap >= 0 && sinceBootstrap % config.retrainEvery() == 0;
    }

    /**
     * Retrains if due, on the window of ticks [t − windowTicks, t). Returns the new model, or null
     * when none was trained (not due, or nothing logged yet).
     */
    public TrainedModel maybeTrain(long tick) {
        return trainIfDue(tick);
    }

    private TrainedModel trainIfDue(long tick) {
        while (config.mode() == TrainingConfig.Mode.TRAIN
                && !window.isEmpty()
                && window.peekFirst().tick() < tick - config.windowTicks()) {
            window.removeFirst();
        }
        if (!due(tick) || window.isEmpty()) {
            return null;
        }
        List<TrainingExample> examples = new ArrayList<>();
        List<TrainingExample> heldOut = new ArrayList<>();
        // A seeded tenth of the window is held out to evaluate the new version.
        SplittableRandom split = Seeds.derive(runSeed, 0, tick, "holdout");
        for (TickExamples te : window) {
            for (TrainingExample e : te.examples()) {
                (split.nextInt(HOLDOUT_ONE_IN) == 0 ? heldOut : examples).add(e);
            }
        }
        if (examples.isEmpty()) {
            return null;
        }
        examples =
                subsample(
                        examples,
                        config.maxTrainingExamples(),
                        Seeds.derive(runSeed, 0, tick, "subsample"));
        FeatureMask mask =
                FeatureMask.ofNames(
                        ModelResolution.withheldAt(
                                model.withheldFeatureGroups(), withheldLater, tick));
        TrainedModel model =
                train(examples, mask, versionId(tick), Seeds.mix(runSeed, 0, tick, "train"));
        if (!heldOut.isEmpty()) {
            Map<String, String> evaluation =
                    Evaluation.asMap(Evaluation.score(model.scorer(), heldOut));
            if (model.scorer() instanceof WideDeepScorer wd) {
                evaluation.putAll(
                        wd.meanAbsDeepLogits(
                                heldOut.stream().map(TrainingExample::features).toList()));
            }
            model = model.withEvaluation(evaluation);
        }
        return install(model, model.scorer().toBytes());
    }

    /**
     * At most {@code max} of the examples, in their original order: selection sampling (Knuth,
     * TAOCP vol. 2, Algorithm S), so every subset of that size is equally likely and the draw is a
     * pure function of the seed. Bounds the cost of a retraining on a large population (and of
     * {@code feedlab bench models}'s learning-rate search).
     */
    public static List<TrainingExample> subsample(
            List<TrainingExample> examples, int max, SplittableRandom rng) {
        int n = examples.size();
        if (n <= max) {
            return examples;
        }
        List<TrainingExample> out = new ArrayList<>(max);
        for (int i = 0; i < n && out.size() < max; i++) {
            if (rng.nextInt(n - i) < max - out.size()) {
                out.add(examples.get(i));
            }
        }
        return out;
    }

    /** Trains one version with the configured model on the given examples. */
    private TrainedModel train(
            List<TrainingExample> examples, FeatureMask mask, int version, long seed) {
        return switch (model.kind()) {
            case LINEAR ->
                    new LinearTrainer(
                                    mask.names(),
                                    headNames(),
                                    config.epochs(),
                                    config.learningRate(),
                                    seed)
                            .train(masked(examples, mask), version, current);
            case WIDE_DEEP ->
                    new WideDeepLearner(
                                    Feature.names(),
                                    WideDeepLearner.columns(Feature.names(), mask.names()),
                                    headNames(),
                                    config.epochs(),
                                    config.learningRate(),
                                    config.minibatchSize(),
                                    model.embeddingDim(),
                                    model.hiddenSizes(),
                                    seed)
                            .train(examples, version, current);
        };
    }

    /**
     * The linear trainer takes vectors of exactly its feature names: keep the allowed columns. Its
     * scorer is then widened back to the full vector with zero weights on withheld slots.
     */
    private static List<TrainingExample> masked(List<TrainingExample> examples, FeatureMask mask) {
        if (mask.withheld().isEmpty()) {
            return examples;
        }
        int[] cols = WideDeepLearner.columns(Feature.names(), mask.names());
        List<TrainingExample> out = new ArrayList<>(examples.size());
        for (TrainingExample e : examples) {
            float[] x = new float[cols.length];
            for (int j = 0; j < cols.length; j++) {
                x[j] = e.features()[cols[j]];
            }
            out.add(new TrainingExample(x, e.labels()));
        }
        return out;
    }

    /**
     * Ships a trained version the way scorers receive it, as checksummed bytes, and makes it
     * current only if they load. A corrupted or tampered model is refused with an error on stderr
     * and the previous model keeps serving.
     *
     * @return the installed model, or null when the bytes were refused
     */
    TrainedModel install(TrainedModel model, byte[] bytes) {
        Scorer loaded;
        try {
            loaded = Scorers.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            System.err.println(
                    "model "
                            + model.version()
                            + " refused, "
                            + (current == null ? "no model" : current.version())
                            + " keeps serving: "
                            + e.getMessage());
            return null;
        }
        if (!loaded.featureNames().equals(Feature.names())) {
            loaded = widen(loaded);
        }
        current =
                new TrainedModel(
                        model.version(),
                        model.tribuoModel(),
                        loaded,
                        model.warmStart(),
                        model.provenance(),
                        model.trainingExamples(),
                        model.evaluation());
        return current;
    }

    /** A linear scorer over a masked feature list, re-laid over the full vector. */
    private static Scorer widen(Scorer s) {
        if (!(s instanceof DenseLinearScorer lin)) {
            throw new IllegalStateException("scorer over foreign features: " + s);
        }
        List<String> all = Feature.names();
        double[][] w = new double[lin.heads()][all.size()];
        for (int j = 0; j < lin.features(); j++) {
            int to = all.indexOf(lin.featureNames().get(j));
            for (int h = 0; h < lin.heads(); h++) {
                w[h][to] = lin.weight(h, j);
            }
        }
        return new DenseLinearScorer(all, lin.headNames(), w, lin.biasCopy());
    }

    /**
     * The logged examples of ticks [from, to) still in the window, in tick then log order: the data
     * {@code feedlab bench models} compares models on (a log-only trainer keeps every tick).
     */
    public List<TrainingExample> windowExamples(long from, long to) {
        List<TrainingExample> out = new ArrayList<>();
        for (TickExamples te : window) {
            if (te.tick() >= from && te.tick() < to) {
                out.addAll(te.examples());
            }
        }
        return out;
    }

    /** The model that ranks now, or null before the first one. */
    public TrainedModel current() {
        return current;
    }

    /** First tick of the window the current model was trained on. */
    public long windowStart(long tick) {
        return Math.max(0, tick - config.windowTicks());
    }

    /** A version is numbered by the tick it starts ranking, so reruns give equal numbers. */
    public static int versionId(long tick) {
        return Math.toIntExact(tick);
    }

    /** Model head names: the {@link Action}s in order, then dwell and survey ({@link Heads}). */
    public static List<String> headNames() {
        return Heads.names();
    }

    /**
     * Writes the window (each tick's examples, features by the bits of their non-zero values: most
     * slots of a vector are one-hot fields that are off) and the current version: its number, its
     * scorer's checksummed bytes, its warm-start weights, provenance and evaluation. The Tribuo
     * model object itself is not kept; nothing later needs it (warm starts read the weights).
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(window.size());
        for (TickExamples te : window) {
            out.writeLong(te.tick());
            out.writeInt(te.examples().size());
            for (TrainingExample e : te.examples()) {
                StateIO.writeSparseFloats(out, e.features());
                out.writeInt(e.labels());
            }
        }
        out.writeBoolean(current != null);
        if (current != null) {
            out.writeInt(current.version());
            StateIO.writeBytes(out, current.scorer().toBytes());
            StateIO.writeBytes(out, current.warmStart());
            StateIO.writeStrings(out, current.provenance());
            out.writeInt(current.trainingExamples());
            StateIO.writeStrings(out, current.evaluation());
        }
    }

    /**
     * Restores, into a trainer built from the same configuration, what {@link #writeTo} wrote
     * ({@code sparse}), or what it wrote before the window's features were sparse.
     */
    public void readFrom(DataInput in, boolean sparse) throws IOException {
        window.clear();
        int ticks = StateIO.readCount(in);
        for (int t = 0; t < ticks; t++) {
            long tick = in.readLong();
            int n = StateIO.readCount(in);
            List<TrainingExample> examples = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                float[] features = sparse ? StateIO.readSparseFloats(in) : StateIO.readFloats(in);
                examples.add(new TrainingExample(features, in.readInt()));
            }
            window.addLast(new TickExamples(tick, examples));
        }
        current = null;
        if (in.readBoolean()) {
            int version = in.readInt();
            Scorer scorer;
            try {
                scorer = Scorers.fromBytes(StateIO.readBytes(in));
            } catch (IllegalArgumentException e) {
                throw new IOException("model " + version + " in the checkpoint: " + e.getMessage());
            }
            byte[] warmStart = StateIO.readBytes(in);
            Map<String, String> provenance = StateIO.readStrings(in);
            int trainingExamples = in.readInt();
            Map<String, String> evaluation = StateIO.readStrings(in);
            current =
                    new TrainedModel(
                            version,
                            null,
                            scorer,
                            warmStart,
                            provenance,
                            trainingExamples,
                            evaluation);
        }
    }
}
