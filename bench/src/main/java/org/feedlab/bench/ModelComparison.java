package org.feedlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.Evaluation;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.model.Standardiser;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.model.widedeep.WideDeepLearner;
import org.feedlab.ranker.training.OnlineTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.sgd.fm.FMMultiLabelModel;
import org.tribuo.multilabel.sgd.fm.FMMultiLabelTrainer;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;

/**
 * Trains the ranker's wide&amp;deep model and Tribuo's own multi-label linear SGD and
 * factorization-machine models on the same examples and features, and scores each per head on the
 * same held-out examples: the model comparison of {@code feedlab bench models}.
 *
 * <p>Fair by construction: the numeric slots are standardised with statistics of the training part
 * only, and every model gets its own learning rate, chosen from {@link #LEARNING_RATES} by mean
 * validation log loss on a validation part carved from the training part (never the test examples),
 * then is retrained on the whole training part. Tribuo's baselines cannot leave impressions out of
 * one head's loss, so their survey head comes from a second model of the same kind trained on the
 * answered impressions alone, and their return head from a third trained on the impressions where a
 * session ended ({@link Heads#returnObserved}): every model learns the same targets.
 *
 * <p>The trainings are independent (each model draws from its own seeded trainer), so they run on
 * up to {@code threads} threads with the same results for any thread count: the learning-rate
 * trials side by side, then the three final models, the factorization machine (the longest) first.
 */
public final class ModelComparison {
    /** Model names, in table order. */
    public static final List<String> MODELS = List.of("wide-deep", "linear", "fm");

    /**
     * The final models in the order they are handed to the threads: the longest to train (the FM,
     * one update per example) first, so that two threads finish about together.
     */
    static final List<String> TRAINING_ORDER = List.of("fm", "wide-deep", "linear");

    /** AdaGrad learning rates tried per model on the validation part. */
    public static final List<Double> LEARNING_RATES = List.of(0.1, 0.03, 0.01);

    /**
     * Most fit examples a learning rate is tried on: a larger fit part is subsampled (seeded, in
     * order) for the search, and the chosen rate's model is then trained on the whole training
     * part. A month of a classroom's logs holds about 1.8 million; trying three rates on all of
     * them cost three full trainings per model and seed.
     */
    public static final int TUNING_EXAMPLES = 200_000;

    /** Width of the factorization machine's factors. */
    static final int FM_FACTORS = 8;

    /** Standard deviation of the FM's initial factors. */
    static final double FM_INIT_STD = 0.01;

    private ModelComparison() {}

    /** One model's held-out scores and the learning rate validation chose for it. */
    public record Result(String model, double learningRate, Evaluation.HeadScore[] scores) {}

    /**
     * Tunes, trains and scores every model.
     *
     * <p>The three lists are consumed: they are emptied once their standardised copies exist, so
     * that a caller holding no other reference to the raw logs lets them be collected while the
     * final models train (on a month of a classroom's logs, about 1.7 GB).
     *
     * @param fit training part used while tuning (emptied)
     * @param validation later examples of the training part, to choose each learning rate (emptied)
     * @param test held-out examples, only ever scored (emptied)
     * @param epochs passes over the data for every model
     * @param threads trainings run at once (results do not depend on it)
     * @return per model name (in {@link #MODELS} order), its choice and per-head scores
     */
    public static Map<String, Result> compare(
            List<TrainingExample> fit,
            List<TrainingExample> validation,
            List<TrainingExample> test,
            List<String> features,
            RankerConfig config,
            int epochs,
            long seed,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // Tuning sees statistics of the fit part only; the final models those of the training
            // part. Every model is tuned before any is retrained, so that one standardised copy
            // of the logs is alive at a time (on a month of a classroom's logs, about 1.7 GB).
            Map<String, Double> rates =
                    chooseRates(fit, validation, features, config, epochs, seed, pool);
            List<TrainingExample> train = new ArrayList<>(fit);
            train.addAll(validation);
            Standardiser scale = Standardiser.fit(train);
            List<TrainingExample> trainS = scale.apply(train);
            List<TrainingExample> testS = scale.apply(test);
            train.clear();
            fit.clear();
            validation.clear();
            test.clear();
            Map<String, Future<Result>> running = new LinkedHashMap<>();
            for (String model : TRAINING_ORDER) {
                double rate = rates.get(model);
                running.put(
                        model,
                        pool.submit(
                                () ->
                                        new Result(
                                                model,
                                                rate,
                                                trainAndScore(
                                                        model, trainS, testS, features, config,
                                                        epochs, rate, seed))));
            }
            Map<String, Result> out = new LinkedHashMap<>();
            for (String model : MODELS) {
                out.put(model, await(running.get(model)));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Each model's learning rate from {@link #LEARNING_RATES}: the one whose model, trained on (at
     * most {@link #TUNING_EXAMPLES} of) the fit part, has the lowest mean validation log loss.
     */
    private static Map<String, Double> chooseRates(
            List<TrainingExample> fit,
            List<TrainingExample> validation,
            List<String> features,
            RankerConfig config,
            int epochs,
            long seed,
            ExecutorService pool) {
        List<TrainingExample> tuning =
                OnlineTrainer.subsample(
                        fit, TUNING_EXAMPLES, Seeds.derive(seed, 0, 0, "tuning-subsample"));
        Standardiser tuneScale = Standardiser.fit(tuning);
        List<TrainingExample> fitS = tuneScale.apply(tuning);
        List<TrainingExample> validationS = tuneScale.apply(validation);
        Map<String, List<Future<Double>>> trials = new LinkedHashMap<>();
        for (String model : MODELS) {
            List<Future<Double>> losses = new ArrayList<>();
            for (double rate : LEARNING_RATES) {
                losses.add(
                        pool.submit(
                                () ->
                                        meanLogLoss(
                                                trainAndScore(
                                                        model,
                                                        fitS,
                                                        validationS,
                                                        features,
                                                        config,
                                                        epochs,
                                                        rate,
                                                        seed))));
            }
            trials.put(model, losses);
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String model : MODELS) {
            double bestRate = Double.NaN;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int i = 0; i < LEARNING_RATES.size(); i++) {
                double rate = LEARNING_RATES.get(i);
                double loss = await(trials.get(model).get(i));
                if (loss < bestLoss) {
                    bestLoss = loss;
                    bestRate = rate;
                }
            }
            if (Double.isNaN(bestRate)) {
                throw new IllegalStateException(
                        model + ": no learning rate gave a finite validation log loss");
            }
            rates.put(model, bestRate);
        }
        return rates;
    }

    /** One of {@link #MODELS} trained on {@code train}, scored per head on {@code evaluate}. */
    private static Evaluation.HeadScore[] trainAndScore(
            String model,
            List<TrainingExample> train,
            List<TrainingExample> evaluate,
            List<String> features,
            RankerConfig config,
            int epochs,
            double learningRate,
            long seed) {
        return Evaluation.score(
                train(model, train, features, config, epochs, learningRate, seed), evaluate);
    }

    /** The task's value; its failure rethrown unchecked, an interrupt kept. */
    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Mean log loss over the heads that have one (NaN or infinite losses rank last). */
    static double meanLogLoss(Evaluation.HeadScore[] scores) {
        double sum = 0.0;
        int n = 0;
        for (Evaluation.HeadScore s : scores) {
            if (s.examples() > 0) {
                if (!Double.isFinite(s.logLoss())) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += s.logLoss();
                n++;
            }
        }
        return n == 0 ? Double.POSITIVE_INFINITY : sum / n;
    }

    /** Trains one of {@link #MODELS} on {@code train} and returns its scorer. */
    public static Scorer train(
            String model,
            List<TrainingExample> train,
            List<String> features,
            RankerConfig config,
            int epochs,
            double learningRate,
            long seed) {
        List<String> heads = Heads.names();
        return switch (model) {
            case "wide-deep" ->
                    new WideDeepLearner(
                                    features,
                                    Datasets.allColumns(features.size()),
                                    heads,
                                    epochs,
                                    learningRate,
                                    config.training().minibatchSize(),
                                    config.model().embeddingDim(),
                                    config.model().hiddenSizes(),
                                    seed)
                            .train(train, ModelVersion.NONE, null)
                            .scorer();
            case "linear", "fm" -> {
                Scorer spliced = baseline(model, train, features, epochs, learningRate, seed);
                // Tribuo's models cannot mask a head: each head observed on some impressions
                // only comes from a second model of the kind trained on those impressions.
                for (int head : Heads.MASKED) {
                    List<TrainingExample> observed = new ArrayList<>();
                    for (TrainingExample e : train) {
                        if (Heads.observed(e.labels(), head)) {
                            observed.add(e);
                        }
                    }
                    if (!observed.isEmpty()) {
                        spliced =
                                new HeadSplice(
                                        spliced,
                                        head,
                                        baseline(
                                                model,
                                                observed,
                                                features,
                                                epochs,
                                                learningRate,
                                                seed));
                    }
                }
                yield spliced;
            }
            default -> throw new IllegalArgumentException("unknown model " + model);
        };
    }

    private static Scorer baseline(
            String model,
            List<TrainingExample> train,
            List<String> features,
            int epochs,
            double learningRate,
            long seed) {
        List<String> heads = Heads.names();
        // Both baselines are Tribuo's own multi-label SGD models on the same sparse dataset: the
        // non-zero slots of each example, a hashed id as a one-hot bucket. (The ranker's own
        // LinearTrainer builds dense examples and copies them once more, about 5 GB per million
        // examples here, and sees no ids.) Minibatch 1: Tribuo 4.3.2's FMParameters.merge fails
        // on sparse minibatches, and the linear model gets the same.
        var dataset =
                Datasets.multiLabel(
                        train,
                        features,
                        Datasets.allColumns(features.size()),
                        heads,
                        false,
                        "model comparison");
        if (model.equals("linear")) {
            LinearSGDModel linear =
                    new LinearSGDTrainer(
                                    new BinaryCrossEntropy(),
                                    new AdaGrad(learningRate),
                                    epochs,
                                    -1,
                                    1,
                                    seed)
                            .train(dataset);
            return new TribuoScorer(linear, features, heads);
        }
        FMMultiLabelTrainer fmTrainer =
                new FMMultiLabelTrainer(
                        new BinaryCrossEntropy(),
                        new AdaGrad(learningRate),
                        epochs,
                        -1,
                        1,
                        seed,
                        FM_FACTORS,
                        FM_INIT_STD);
        FMMultiLabelModel fm = fmTrainer.train(dataset);
        return new TribuoScorer(fm, features, heads);
    }

    /** A baseline's heads with head {@code head} taken from {@code from}. */
    private record HeadSplice(Scorer all, int head, Scorer from) implements Scorer {
        @Override
        public int features() {
            return all.features();
        }

        @Override
        public int heads() {
            return all.heads();
        }

        @Override
        public List<String> featureNames() {
            return all.featureNames();
        }

        @Override
        public List<String> headNames() {
            return all.headNames();
        }

        @Override
        public void predict(float[] x, double[] outProbabilities) {
            predictBatch(x, 1, outProbabilities);
        }

        @Override
        public void predictBatch(float[] xs, int n, double[] out) {
            all.predictBatch(xs, n, out);
            double[] s = new double[n * from.heads()];
            from.predictBatch(xs, n, s);
            for (int i = 0; i < n; i++) {
                out[i * heads() + head] = s[i * from.heads() + head];
            }
        }

        @Override
        public byte[] toBytes() {
            throw new UnsupportedOperationException("a comparison baseline is for evaluation only");
        }
    }
}
