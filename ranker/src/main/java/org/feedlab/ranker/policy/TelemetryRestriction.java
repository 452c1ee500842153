package org.feedlab.ranker.policy;

import java.util.List;

/**
 * Telemetry restriction: feature groups the ranker may not use, as after app-tracking limits or a
 * regulator's ban on profiling signals. The groups are withheld from the model's feature map (see
 * {@link org.feedlab.ranker.features.FeatureMask}); names as in {@link
 * org.feedlab.ranker.features.Feature.Group}.
 *
 * <p>From tick 0 (the default) the platform never has the groups: no model ever has weights for
 * them. From a later tick T the platform loses them mid-run: every model trained at or after T is
 * trained without them, and from T on serving zeroes their slots, so a model trained before T that
 * is still serving sees them as absent ({@link #servingMaskAt}). Ticks before T are untouched.
 *
 * @param groups withheld feature groups
 * @param fromTick the first tick the groups are withheld (0: the whole run)
 */
public record TelemetryRestriction(List<String> groups, int fromTick) implements FeedPolicy {
    public static final String TYPE = "telemetry-restriction";

    public TelemetryRestriction {
        groups = List.copyOf(groups);
        if (fromTick < 0) {
            throw new IllegalArgumentException("from_tick must be ≥ 0, got " + fromTick);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Whether the groups are withheld at this tick: from {@link #fromTick} on. */
    public boolean appliesAt(long tick) {
        return applies(fromTick, tick);
    }

    /**
     * The one boundary rule for a restriction from {@code fromTick}: tick T itself is withheld
     * (serving at T and a version trained at T both lack the groups), the tick before is not.
     */
    public static boolean applies(int fromTick, long tick) {
        return tick >= fromTick;
    }

    /**
     * Whether serving must zero the groups' slots at this tick: only for a restriction that starts
     * after tick 0 (before it, a model may have learnt weights for them), from its first tick on.
     * From tick 0 no model has such weights, so serving leaves the vectors as they are.
     */
    public boolean servingMaskAt(long tick) {
        return fromTick > 0 && appliesAt(tick);
    }

    @Override
    public String describe() {
        return "The ranking model may not use these kinds of data"
                + (fromTick > 0 ? " from day " + fromTick + " on" : "")
                + ": "
                + String.join(", ", groups).replace('_', ' ')
                + ".";
    }
}
