package org.feedlab.ranker.policy;

import java.util.List;

/**
 * Telemetry restriction: feature groups the ranker may not use, as after app-tracking limits or a
 * regulator's ban on profiling signals. The groups are withheld from the model's feature map (see
 * {@link org.feedlab.ranker.features.FeatureMask}); names as in {@link
 * org.feedlab.ranker.features.Feature.Group}.
 *
 * @param groups withheld feature groups
 */
public record TelemetryRestriction(List<String> groups) implements FeedPolicy {
    public static final String TYPE = "telemetry-restriction";

    public TelemetryRestriction {
        groups = List.copyOf(groups);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return "The ranking model may not use these kinds of data: "
                + String.join(", ", groups).replace('_', ' ')
                + ".";
    }
}
