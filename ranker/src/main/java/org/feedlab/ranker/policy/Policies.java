package org.feedlab.ranker.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedlab.ranker.RankerConfig;

/**
 * Builds the policy stages a scenario declares in {@code ranker.policies}: each entry is a mapping
 * with a {@code type} and that type's parameters, already checked by the scenario schema.
 */
public final class Policies {
    /** Every policy type, as written in scenario files. */
    public static final List<String> TYPES =
            List.of(
                    NonProfilingFeed.TYPE,
                    ChronologicalControlGroup.TYPE,
                    OutrageDemotion.TYPE,
                    WeightCap.TYPE,
                    ReshareFriction.TYPE,
                    ViralityCircuitBreaker.TYPE,
                    TelemetryRestriction.TYPE,
                    ExposureFloor.TYPE,
                    SessionNudge.TYPE,
                    Transparency.TYPE);

    private Policies() {}

    /** The stages of a configuration, in declared order. */
    public static List<FeedPolicy> of(RankerConfig config) {
        List<FeedPolicy> out = new ArrayList<>();
        List<Map<String, Object>> specs = config.policies();
        for (int i = 0; i < specs.size(); i++) {
            out.add(parse(specs.get(i), "$.ranker.policies[" + i + "]"));
        }
        return out;
    }

    /** One stage from its scenario mapping; {@code where} names it in errors. */
    public static FeedPolicy parse(Map<String, Object> spec, String where) {
        Params p = new Params(where, spec);
        String type = p.text("type", "");
        return switch (type) {
            case NonProfilingFeed.TYPE -> new NonProfilingFeed(
                    p.number("share", 0.5), p.text("order", "chronological"));
            case ChronologicalControlGroup.TYPE -> new ChronologicalControlGroup(
                    p.number("share", 0.01));
            case OutrageDemotion.TYPE -> new OutrageDemotion(
                    p.number("strength", 0.5), p.text("target", "outrage"));
            case WeightCap.TYPE -> new WeightCap(p.numbers("caps"));
            case ReshareFriction.TYPE -> new ReshareFriction(p.number("outrage_threshold", 0.0));
            case ViralityCircuitBreaker.TYPE -> new ViralityCircuitBreaker(
                    p.integer("max_reshares", 20), p.integer("max_depth", 3));
            case TelemetryRestriction.TYPE -> new TelemetryRestriction(p.texts("groups"));
            case ExposureFloor.TYPE -> new ExposureFloor(p.number("share", 0.3));
            case SessionNudge.TYPE -> new SessionNudge(
                    p.text("segment", ""), p.flag("nudge", true), p.integer("max_items", 0));
            case Transparency.TYPE -> new Transparency(
                    p.text("file", MainParameters.FILE));
            default -> throw new IllegalArgumentException(
                    where + ".type: expected one of " + TYPES + ", got " + type);
        };
    }

    /**
     * The withheld feature groups of a configuration: those it names plus those of its
     * telemetry-restriction policies, each once, in order of first mention.
     */
    public static List<String> withWithheld(
            List<Map<String, Object>> policies, List<String> withheld) {
        Set<String> groups = new LinkedHashSet<>(withheld);
        for (int i = 0; i < policies.size(); i++) {
            Map<String, Object> spec = policies.get(i);
            if (TelemetryRestriction.TYPE.equals(spec.get("type"))) {
                groups.addAll(new Params("$.ranker.policies[" + i + "]", spec).texts("groups"));
            }
        }
        return new ArrayList<>(groups);
    }

    /** Whether the configuration asks for a main-parameters statement in the run directory. */
    public static boolean transparency(RankerConfig config) {
        return of(config).stream().anyMatch(Transparency.class::isInstance);
    }
}
