package org.feedlab.ranker.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tribuo.Model;
import org.tribuo.multilabel.MultiLabel;

/**
 * One model version as the trainer hands it over: the Tribuo model (for evaluation and
 * explanations), the dense scorer compiled from it (for serving), the weights the next version
 * starts from, and its provenance flattened to readable strings so it can be stamped on a
 * model-version record.
 *
 * <p>This stays on the training side; what travels to scorers is {@link #scorer()} (or its {@link
 * Scorer#toBytes()}) plus {@link #version()}. A version restored from a checkpoint has no Tribuo
 * model: the stream job keeps the scorer's and the weights' bytes, never a Java-serialized model.
 *
 * @param version the version number stamped on every feed this model ranks (the first tick it
 *     ranks; see {@link org.feedlab.events.ModelVersion})
 * @param tribuoModel the trained Tribuo model, or null for a version restored from a checkpoint
 * @param scorer the serving form of {@code tribuoModel}
 * @param warmStart the trainer's weights in their sealed binary form, what the next version starts
 *     from; empty when the trainer always starts afresh (the linear baseline)
 * @param provenance flattened provenance, sorted by key; free of timestamps, so the same inputs
 *     give the same map
 * @param trainingExamples number of examples the model was trained on
 * @param evaluation held-out evaluation ({@link Evaluation#asMap}), empty when none was made
 */
public record TrainedModel(
        int version,
        Model<MultiLabel> tribuoModel,
        Scorer scorer,
        byte[] warmStart,
        Map<String, String> provenance,
        int trainingExamples,
        Map<String, String> evaluation) {

    /** A model without evaluation numbers. */
    public TrainedModel(
            int version,
            Model<MultiLabel> tribuoModel,
            Scorer scorer,
            byte[] warmStart,
            Map<String, String> provenance,
            int trainingExamples) {
        this(version, tribuoModel, scorer, warmStart, provenance, trainingExamples, Map.of());
    }

    /** The same model with evaluation numbers. */
    public TrainedModel withEvaluation(Map<String, String> numbers) {
        return new TrainedModel(
                version, tribuoModel, scorer, warmStart, provenance, trainingExamples, numbers);
    }

    public TrainedModel {
        evaluation = Collections.unmodifiableMap(new TreeMap<>(evaluation));
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(warmStart, "warmStart");
        if (trainingExamples < 0) {
            throw new IllegalArgumentException("negative trainingExamples " + trainingExamples);
        }
        provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
    }
}
