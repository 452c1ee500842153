package org.feedlab.events;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Announcement of the model the ranker uses from a tick on, with where it came from.
 *
 * @param tick first tick the model ranks
 * @param version version number stamped on every feed this model ranks: the first tick it ranks, so
 *     reruns give equal numbers ({@link #NONE} is never a model's)
 * @param trainer Tribuo trainer class and hyper-parameters, from the model's provenance
 * @param trainingExamples number of logged impressions it was trained on
 * @param windowStartTick first tick of the training window
 * @param provenance Tribuo provenance of the model, flattened to key/value strings
 * @param evaluation held-out evaluation of the model (per-head AUC and log loss), empty when none
 */
public record ModelVersion(
        int schema,
        long tick,
        int version,
        String trainer,
        int trainingExamples,
        long windowStartTick,
        Map<String, String> provenance,
        Map<String, String> evaluation)
        implements PlatformRecord {

    /**
     * The version of a feed no model ranked. A model ranks from the tick after the first logged
     * impressions at the earliest, so no model ever has version 0.
     */
    public static final int NONE = 0;

    public ModelVersion {
        evaluation = evaluation == null ? new TreeMap<>() : evaluation;
    }

    /** An announcement with the model's held-out evaluation numbers. */
    public static ModelVersion of(
            long tick,
            int version,
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

    /** The display form of a version: {@code v0002}, or {@code none} for {@link #NONE}. */
    public static String label(int version) {
        return version == NONE ? "none" : String.format(Locale.ROOT, "v%04d", version);
    }
}
