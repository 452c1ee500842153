package org.feedlab.ranker;

import java.io.Serializable;
import java.util.Objects;

/**
 * How the platform learns its model from its own logs: the retraining schedule, the sliding window
 * and the SGD settings.
 *
 * @param mode {@link Mode#TRAIN}, or {@link Mode#LOG_ONLY} to build training examples from every
 *     logged impression and keep them all without ever training (what {@code feedlab bench models}
 *     compares models on)
 * @param retrainEvery retrain the model every this many ticks; 0 switches training off (no examples
 *     are built)
 * @param bootstrapTicks ticks before the first retraining; an objective that needs a model ranks at
 *     random (exploration) until then
 * @param windowTicks sliding window of logged ticks the model is trained on
 * @param epochs SGD epochs per retraining
 * @param learningRate AdaGrad initial learning rate
 * @param minibatchSize wide&amp;deep: examples per SGD update
 * @param maxTrainingExamples most examples a retraining uses: a larger window is subsampled with a
 *     seeded draw
 */
public record TrainingConfig(
        Mode mode,
        int retrainEvery,
        int bootstrapTicks,
        int windowTicks,
        int epochs,
        double learningRate,
        int minibatchSize,
        int maxTrainingExamples)
        implements Serializable {

    /** Whether the platform trains models or only logs examples. */
    public enum Mode {
        /** Retrain on the window on schedule. */
        TRAIN,
        /** Build and keep every logged example; never train. */
        LOG_ONLY;

        /** The name as written in scenario files ({@code train}, {@code log-only}). */
        public String key() {
            return ConfigNames.of(this);
        }

        /**
         * The mode named {@code key}.
         *
         * @throws IllegalArgumentException for an unknown name
         */
        public static Mode of(String key) {
            return ConfigNames.parse(Mode.class, key, "training mode");
        }
    }

    public TrainingConfig {
        Objects.requireNonNull(mode, "mode");
    }

    /** A model first at tick 2, then every 2 ticks on the last 8 ticks of logs. */
    public static final TrainingConfig DEFAULTS =
            new TrainingConfig(Mode.TRAIN, 2, 2, 8, 3, 0.03, 16, 40_000);

    /** Whether the replay turns logged impressions into training examples at all. */
    public boolean buildsExamples() {
        return mode == Mode.LOG_ONLY || retrainEvery > 0;
    }

    public TrainingConfig withMode(Mode v) {
        return new TrainingConfig(
                v,
                retrainEvery,
                bootstrapTicks,
                windowTicks,
                epochs,
                learningRate,
                minibatchSize,
                maxTrainingExamples);
    }

    public TrainingConfig withRetrainEvery(int v) {
        return new TrainingConfig(
                mode,
                v,
                bootstrapTicks,
                windowTicks,
                epochs,
                learningRate,
                minibatchSize,
                maxTrainingExamples);
    }

    public TrainingConfig withBootstrapTicks(int v) {
        return new TrainingConfig(
                mode,
                retrainEvery,
                v,
                windowTicks,
                epochs,
                learningRate,
                minibatchSize,
                maxTrainingExamples);
    }

    public TrainingConfig withWindowTicks(int v) {
        return new TrainingConfig(
                mode,
                retrainEvery,
                bootstrapTicks,
                v,
                epochs,
                learningRate,
                minibatchSize,
                maxTrainingExamples);
    }

    public TrainingConfig withEpochs(int v) {
        return new TrainingConfig(
                mode,
                retrainEvery,
                bootstrapTicks,
                windowTicks,
                v,
                learningRate,
                minibatchSize,
                maxTrainingExamples);
    }

    public TrainingConfig withLearningRate(double v) {
        return new TrainingConfig(
                mode,
                retrainEvery,
                bootstrapTicks,
                windowTicks,
                epochs,
                v,
                minibatchSize,
                maxTrainingExamples);
    }

    public TrainingConfig withMinibatchSize(int v) {
        return new TrainingConfig(
                mode,
                retrainEvery,
                bootstrapTicks,
                windowTicks,
                epochs,
                learningRate,
                v,
                maxTrainingExamples);
    }

    public TrainingConfig withMaxTrainingExamples(int v) {
        return new TrainingConfig(
                mode,
                retrainEvery,
                bootstrapTicks,
                windowTicks,
                epochs,
                learningRate,
                minibatchSize,
                v);
    }
}
