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
                    ModelCapacity.TYPE,
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
            case NonProfilingFeed.TYPE ->
                    new NonProfilingFeed(p.number("share", 0.5), p.text("order", "chronological"));
            case ChronologicalControlGroup.TYPE ->
                    new ChronologicalControlGroup(p.number("share", 0.01));
            case OutrageDemotion.TYPE ->
                    new OutrageDemotion(p.number("strength", 0.5), p.text("target", "outrage"));
            case WeightCap.TYPE -> new WeightCap(p.numbers("caps"));
            case ReshareFriction.TYPE -> new ReshareFriction(p.number("outrage_threshold", 0.0));
            case ViralityCircuitBreaker.TYPE ->
                    new ViralityCircuitBreaker(
                            p.integer("max_reshares", 20), p.integer("max_depth", 3));
            case TelemetryRestriction.TYPE -> new TelemetryRestriction(p.texts("groups"));
            case ExposureFloor.TYPE -> new ExposureFloor(p.number("share", 0.3));
            case SessionNudge.TYPE ->
                    new SessionNudge(
                            p.text("segment", ""),
                            p.flag("nudge", true),
                            p.integer("max_items", 0));
            case ModelCapacity.TYPE ->
                    new ModelCapacity(
                            positive(p, where, "latency_budget_ms"),
                            (int) positive(p, where, "candidates"),
                            positive(p, where, "flops_per_second"));
            case Transparency.TYPE -> new Transparency(p.text("file", MainParameters.FILE));
            default -> throw new PolicyException(where + ".type", "one of " + TYPES, type);
        };
    }

    private static double positive(Params p, String where, String key) {
        double v = key.equals("candidates") ? p.integer(key, 0) : p.number(key, 0.0);
        if (!(v > 0)) {
            throw new PolicyException(where + "." + key, "a number > 0", String.valueOf(v));
        }
        return v;
    }

    /**
     * The hidden layer widths of a configuration: those it names, unless a model-capacity policy
     * sizes the model; with several, the smallest of their choices (every budget must hold).
     *
     * @throws PolicyException when a budget admits no model, or the model is not wide&amp;deep
     */
    public static List<Integer> withCapacity(
            List<Map<String, Object>> policies, String model, List<Integer> hiddenSizes) {
        List<Integer> out = hiddenSizes;
        boolean sized = false;
        for (int i = 0; i < policies.size(); i++) {
            Map<String, Object> spec = policies.get(i);
            if (!ModelCapacity.TYPE.equals(spec.get("type"))) {
                continue;
            }
            String where = "$.ranker.policies[" + i + "]";
            if (!RankerConfig.DEFAULT_MODEL.equals(model)) {
                throw new PolicyException(
                        "$.ranker.model",
                        RankerConfig.DEFAULT_MODEL + " (a model-capacity policy sizes that model)",
                        model);
            }
            List<Integer> chosen = ((ModelCapacity) parse(spec, where)).hiddenSizes(where);
            if (!sized
                    || ModelCapacity.flopsPerCandidate(chosen)
                            < ModelCapacity.flopsPerCandidate(out)) {
                out = chosen;
            }
            sized = true;
        }
        return new ArrayList<>(out);
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
