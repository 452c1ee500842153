package org.feedlab.ranker.model;

import org.tribuo.Model;
import org.tribuo.multilabel.MultiLabel;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One model version as the trainer hands it over: the Tribuo model (for evaluation and
 * explanations), the dense scorer compiled from it (for serving), and its provenance flattened to
 * readable strings so it can be stamped on a model-version record.
 *
 * <p>This stays on the training side; what travels to scorers is {@link #scorer()} (or its {@link
 * DenseLinearScorer#toBytes()}) plus {@link #version()}.
 *
 * @param version the version id stamped on every feed this model ranks
 * @param tribuoModel the trained Tribuo model
 * @param scorer the serving form of {@code tribuoModel}
 * @param provenance flattened provenance, sorted by key; free of timestamps, so the same inputs
 *     give the same map
 * @param trainingExamples number of examples the model was trained on
 */
public record TrainedModel(
        String version,
        Model<MultiLabel> tribuoModel,
        DenseLinearScorer scorer,
        Map<String, String> provenance,
        int trainingExamples) {

    public TrainedModel {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tribuoModel, "tribuoModel");
        Objects.requireNonNull(scorer, "scorer");
        if (trainingExamples < 0) {
            throw new IllegalArgumentException("negative trainingExamples " + trainingExamples);
        }
        provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
    }
}
