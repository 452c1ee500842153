package org.feedlab.ranker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.ranker.policy.FeedPolicy;
import org.feedlab.ranker.policy.ModelCapacity;
import org.feedlab.ranker.policy.PolicyException;
import org.feedlab.ranker.policy.TelemetryRestriction;

/**
 * The model the trainer builds, once the policies that act on the model have decided: a
 * model-capacity policy chooses the hidden sizes (with several, the cheapest choice, so every
 * budget holds), and telemetry-restriction policies add their feature groups to the withheld ones:
 * from tick 0 to the model's, from a later tick to {@link #withheldLater} (the trainer and serving
 * apply those from that tick on). A run's manifest records it as {@code ranker_resolution}.
 *
 * @param model the declared model with the decided hidden sizes and withheld groups
 * @param hiddenSizesFrom what decided the hidden sizes: {@value #DECLARED_HIDDEN_SIZES}, or the
 *     path and type of the model-capacity policy that chose them
 * @param withheldFrom per withheld group, in order of first mention, what withheld it: {@value
 *     #DECLARED_WITHHELD}, or the path and type of a telemetry-restriction policy, followed by
 *     {@code from tick T} when the policy starts at a tick T &gt; 0
 * @param withheldLater the groups withheld only from a tick after 0, with that tick (the earliest
 *     when several policies name a group); empty for every scenario without {@code from_tick}
 */
public record ModelResolution(
        ModelConfig model,
        String hiddenSizesFrom,
        Map<String, String> withheldFrom,
        Map<String, Integer> withheldLater) {

    /** Source of hidden sizes the scenario declares itself. */
    public static final String DECLARED_HIDDEN_SIZES = "$.ranker.hidden_sizes";

    /** Source of withheld groups the scenario declares itself. */
    public static final String DECLARED_WITHHELD = "$.ranker.withheld_feature_groups";

    public ModelResolution {
        withheldFrom = Collections.unmodifiableMap(new LinkedHashMap<>(withheldFrom));
        withheldLater = Collections.unmodifiableMap(new LinkedHashMap<>(withheldLater));
    }

    /**
     * Resolves a configuration's model.
     *
     * @throws PolicyException naming the field when a budget admits no model, or when a
     *     model-capacity policy is given a model other than wide&amp;deep
     */
    public static ModelResolution of(RankerConfig config) {
        ModelConfig declared = config.model();
        List<Integer> hidden = declared.hiddenSizes();
        String hiddenFrom = DECLARED_HIDDEN_SIZES;
        Map<String, String> withheld = new LinkedHashMap<>();
        for (String group : declared.withheldFeatureGroups()) {
            withheld.putIfAbsent(group, DECLARED_WITHHELD);
        }
        List<FeedPolicy> policies = config.policies();
        for (int i = 0; i < policies.size(); i++) {
            String where = "$.ranker.policies[" + i + "]";
            String source = where + " (" + policies.get(i).type() + ")";
            if (policies.get(i) instanceof ModelCapacity capacity) {
                if (declared.kind() != ModelConfig.Kind.WIDE_DEEP) {
                    throw new PolicyException(
                            "$.ranker.model",
                            ModelConfig.Kind.WIDE_DEEP.key()
                                    + " (a model-capacity policy sizes that model)",
                            declared.kind().key());
                }
                List<Integer> chosen = capacity.hiddenSizes(where);
                if (hiddenFrom.equals(DECLARED_HIDDEN_SIZES)
                        || ModelCapacity.flopsPerCandidate(chosen)
                                < ModelCapacity.flopsPerCandidate(hidden)) {
                    hidden = chosen;
                    hiddenFrom = source;
                }
            } else if (policies.get(i) instanceof TelemetryRestriction restriction
                    && restriction.fromTick() == 0) {
                for (String group : restriction.groups()) {
                    withheld.putIfAbsent(group, source);
                }
            }
        }
        List<String> fromStart = new ArrayList<>(withheld.keySet());
        Map<String, Integer> later = new LinkedHashMap<>();
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i) instanceof TelemetryRestriction restriction
                    && restriction.fromTick() > 0) {
                for (String group : restriction.groups()) {
                    if (!fromStart.contains(group)
                            && restriction.fromTick()
                                    < later.getOrDefault(group, Integer.MAX_VALUE)) {
                        later.put(group, restriction.fromTick());
                        withheld.put(
                                group,
                                "$.ranker.policies["
                                        + i
                                        + "] ("
                                        + restriction.type()
                                        + ") from tick "
                                        + restriction.fromTick());
                    }
                }
            }
        }
        ModelConfig model = declared.withHiddenSizes(hidden).withWithheldFeatureGroups(fromStart);
        return new ModelResolution(model, hiddenFrom, withheld, later);
    }

    /**
     * The groups withheld at a tick: the model's, then those of {@link #withheldLater} whose tick
     * has come.
     */
    public List<String> withheldAt(long tick) {
        return withheldAt(model.withheldFeatureGroups(), withheldLater, tick);
    }

    /** {@link #withheldAt(long)} for a model's groups and the later ones. */
    public static List<String> withheldAt(
            List<String> fromStart, Map<String, Integer> later, long tick) {
        List<String> out = new ArrayList<>(fromStart);
        later.forEach(
                (group, from) -> {
                    if (TelemetryRestriction.applies(from, tick)) {
                        out.add(group);
                    }
                });
        return out;
    }
}
