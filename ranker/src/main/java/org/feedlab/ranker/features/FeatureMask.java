package org.feedlab.ranker.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Telemetry restriction: the feature groups a platform may not use. Withheld slots are zeroed in
 * every vector and left out of the names handed to the trainer, so a trained model has no weight,
 * no embedding and no feature-map entry for them.
 */
public final class FeatureMask {
    /** The mask that withholds nothing. */
    public static final FeatureMask NONE = new FeatureMask(EnumSet.noneOf(Feature.Group.class));

    private final Set<Feature.Group> withheld;
    private final boolean[] keep;
    private final int[] dropped;
    private final List<String> names;

    public FeatureMask(Collection<Feature.Group> withheld) {
        this.withheld =
                Collections.unmodifiableSet(
                        withheld.isEmpty()
                                ? EnumSet.noneOf(Feature.Group.class)
                                : EnumSet.copyOf(withheld));
        int w = FeatureSpace.width();
        keep = new boolean[w];
        List<String> kept = new ArrayList<>();
        List<Integer> drop = new ArrayList<>();
        for (int j = 0; j < w; j++) {
            keep[j] = !this.withheld.contains(FeatureSpace.group(j));
            if (keep[j]) {
                kept.add(FeatureSpace.names().get(j));
            } else {
                drop.add(j);
            }
        }
        dropped = drop.stream().mapToInt(Integer::intValue).toArray();
        names = Collections.unmodifiableList(kept);
    }

    /**
     * The mask of a scenario's {@code withheld_feature_groups} (names as in {@link
     * Feature.Group#parseAll}: a group, or {@code crosses} for every cross group).
     */
    public static FeatureMask ofNames(List<String> groups) {
        if (groups == null || groups.isEmpty()) {
            return NONE;
        }
        List<Feature.Group> parsed = new ArrayList<>();
        for (String g : groups) {
            parsed.addAll(Feature.Group.parseAll(g));
        }
        return new FeatureMask(parsed);
    }

    public Set<Feature.Group> withheld() {
        return withheld;
    }

    /** Whether slot j may be used. */
    public boolean keeps(int slot) {
        return keep[slot];
    }

    /** Names of the slots that may be used, in vector order. */
    public List<String> names() {
        return names;
    }

    /** Zeroes the withheld slots of n vectors laid out row-major from offset 0. */
    public void apply(float[] xs, int n) {
        int w = FeatureSpace.width();
        for (int row = 0; row < n; row++) {
            for (int j : dropped) {
                xs[row * w + j] = 0f;
            }
        }
    }
}
