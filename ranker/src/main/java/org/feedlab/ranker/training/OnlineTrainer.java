package org.feedlab.ranker.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.feedlab.events.Action;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.model.LinearTrainer;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;

/**
 * Keeps a sliding window of logged impressions and retrains on it every {@code retrainEvery}
 * ticks once the bootstrap (exploration) period is over. The model trained at tick t sees only
 * impressions of ticks &lt; t and ranks from tick t on.
 */
public final class OnlineTrainer {
    /**
     * Tribuo logs two INFO lines per training through java.util.logging; with a retraining every
     * few ticks that drowns the console. Held statically so the level is not garbage collected.
     */
    private static final java.util.logging.Logger TRIBUO_SGD =
            java.util.logging.Logger.getLogger("org.tribuo.common.sgd");

    static {
        TRIBUO_SGD.setLevel(java.util.logging.Level.WARNING);
    }

    private final RankerConfig config;
    private final long runSeed;
    private final Deque<TickExamples> window = new ArrayDeque<>();
    private TrainedModel current;

    /** The examples logged in one tick. */
    private record TickExamples(long tick, List<TrainingExample> examples) {}

    public OnlineTrainer(RankerConfig config, long runSeed) {
        this.config = config;
        this.runSeed = runSeed;
    }

    /** Adds the training examples of one tick's impressions. */
    public void add(long tick, List<TrainingExample> examples) {
        if (!examples.isEmpty()) {
            window.addLast(new TickExamples(tick, examples));
        }
    }

    /**
     * Whether a new model is due before ranking tick t. {@code retrainEvery = 0} switches
     * training off (for model-free objectives at scale).
     */
    public boolean due(long tick) {
        if (config.retrainEvery() <= 0) {
            return false;
        }
        long sinceBootstrap = tick - config.bootstrapTicks();
        return sinceBootstrap >= 0 && sinceBootstrap % config.retrainEvery() == 0;
    }

    /**
     * Retrains if due, on the window of ticks [t − windowTicks, t). Returns the new model, or
     * null when none was trained (not due, or nothing logged yet).
     */
    public TrainedModel maybeTrain(long tick) {
        while (!window.isEmpty() && window.peekFirst().tick() < tick - config.windowTicks()) {
            window.removeFirst();
        }
        if (!due(tick) || window.isEmpty()) {
            return null;
        }
        List<TrainingExample> examples = new ArrayList<>();
        for (TickExamples te : window) {
            examples.addAll(te.examples());
        }
        LinearTrainer trainer =
                new LinearTrainer(
                        Feature.names(),
                        headNames(),
                        config.epochs(),
                        config.learningRate(),
                        Seeds.mix(runSeed, 0, tick, "train"));
        current = trainer.train(examples, versionId(tick), current);
        return current;
    }

    /** The model that ranks now, or null before the first one. */
    public TrainedModel current() {
        return current;
    }

    /** First tick of the window the current model was trained on. */
    public long windowStart(long tick) {
        return Math.max(0, tick - config.windowTicks());
    }

    /** Version ids are derived from the tick they start ranking, so reruns give equal ids. */
    public static String versionId(long tick) {
        return String.format(Locale.ROOT, "v%04d", tick);
    }

    /** Model head names in {@link Action} order. */
    public static List<String> headNames() {
        List<String> names = new ArrayList<>();
        for (Action a : Action.values()) {
            names.add(a.key());
        }
        return names;
    }
}
