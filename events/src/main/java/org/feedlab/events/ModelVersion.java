package org.feedlab.events;

import java.util.Map;
import java.util.TreeMap;

/**
 * Announcement of the model the ranker uses from a tick on, with where it came from.
 *
 * @param tick first tick the model ranks
 * @param version version id stamped on every feed this model ranks
 * @param trainer Tribuo trainer class and hyper-parameters, from the model's provenance
 * @param trainingExamples number of logged impressions it was trained on
 * @param windowStartTick first tick of the training window
 * @param provenance Tribuo provenance of the model, flattened to key/value strings
 * @param evaluation held-out evaluation of the model (per-head AUC and log loss), empty when none
 */
public record ModelVersion(
        int schema,
        long tick,
        String version,
        String trainer,
        int trainingExamples,
        long windowStartTick,
        Map<String, String> provenance,
        Map<String, String> evaluation)
        implements PlatformRecord {

    public ModelVersion {
        evaluation = evaluation == null ? new TreeMap<>() : evaluation;
    }

    public static ModelVersion of(
            long tick,
            String version,
            String trainer,
            int trainingExamples,
            long windowStartTick,
            Map<String, String> provenance) {
        return of(tick, version, trainer, trainingExamples, windowStartTick, provenance, Map.of());
    }

    /** An announcement with the model's held-out evaluation numbers. */
    public static ModelVersion of(
            long tick,
            String version,
            String trainer,
            int trainingExamples,
            long windowStartTick,
            Map<String, String> provenance,
            Map<String, String> evaluation) {
        return new ModelVersion(
                SCHEMA_VERSION,
                tick,
                version,
                trainer,
                trainingExamples,
                windowStartTick,
                new TreeMap<>(provenance),
                new TreeMap<>(evaluation));
    }
}
