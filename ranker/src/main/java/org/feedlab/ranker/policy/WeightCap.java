package org.feedlab.ranker.policy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.feedlab.ranker.Objective;

/**
 * Caps engagement weights of the objective (e.g. no weight on replies or reshares, or the 2020
 * zeroing of the angry reaction): every capped head's weight becomes min(weight, cap).
 *
 * @param caps the largest weight allowed per head name
 */
public record WeightCap(Map<String, Double> caps) implements FeedPolicy {
    public static final String TYPE = "weight-cap";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        StringJoiner j = new StringJoiner(", ");
        caps.forEach((head, cap) -> j.add(String.format(Locale.ROOT, "%s at most %s", head, cap)));
        return "The weight the ranking gives to predicted engagement is capped: " + j + ".";
    }

    @Override
    public Objective objective(Objective objective) {
        return objective.withWeights(cap(objective.weights()), cap(objective.fallback()));
    }

    private Map<String, Double> cap(Map<String, Double> weights) {
        Map<String, Double> out = new LinkedHashMap<>(weights);
        caps.forEach((head, cap) -> out.put(head, Math.min(out.getOrDefault(head, 0.0), cap)));
        return out;
    }
}
