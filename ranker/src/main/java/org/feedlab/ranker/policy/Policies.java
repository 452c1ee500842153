package org.feedlab.ranker.policy;

import java.util.List;
import java.util.Map;

/**
 * Parses the policy stages a scenario declares in {@code ranker.policies}: each entry is a mapping
 * with a {@code type} and that type's parameters, already checked by the scenario schema. Every
 * parameter's default is here. The scenario loader calls it once per entry; everything after holds
 * the {@link FeedPolicy} records.
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
                    Transparency.TYPE,
                    RemoveReshares.TYPE,
                    Rerank.TYPE);

    private Policies() {}

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
            case TelemetryRestriction.TYPE ->
                    new TelemetryRestriction(p.texts("groups"), fromTick(p, where));
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
            case RemoveReshares.TYPE ->
                    new RemoveReshares(
                            p.number("share", 0.5),
                            p.integer("start", 0),
                            end(p, where, p.integer("start", 0)));
            case Rerank.TYPE ->
                    new Rerank(
                            target(p, where),
                            required(p, where, "factor"),
                            p.number("threshold", 0.5),
                            p.number("share", 0.5),
                            p.integer("start", 0),
                            end(p, where, p.integer("start", 0)));
            default -> throw new PolicyException(where + ".type", "one of " + TYPES, type);
        };
    }

    /** A treatment's end: 0 (none) or a tick after its start. */
    private static int end(Params p, String where, int start) {
        int end = p.integer("end", 0);
        if (end != 0 && end <= start) {
            throw new PolicyException(
                    where + ".end", "0 (no end) or a tick > start (" + start + ")", "" + end);
        }
        return end;
    }

    private static String target(Params p, String where) {
        String target = p.text("target", "");
        if (!Rerank.TARGETS.contains(target)) {
            throw new PolicyException(
                    where + ".target",
                    "one of " + Rerank.TARGETS + (target.isEmpty() ? " (required)" : ""),
                    target.isEmpty() ? "nothing" : target);
        }
        return target;
    }

    private static double required(Params p, String where, String key) {
        double v = p.number(key, Double.NaN);
        if (Double.isNaN(v)) {
            throw new PolicyException(where + "." + key, "a number (required)", "nothing");
        }
        return v;
    }

    /** A telemetry restriction's first tick: 0 (the whole run) unless given, never negative. */
    private static int fromTick(Params p, String where) {
        int v = p.integer("from_tick", 0);
        if (v < 0) {
            throw new PolicyException(where + ".from_tick", "an integer ≥ 0", String.valueOf(v));
        }
        return v;
    }

    private static double positive(Params p, String where, String key) {
        double v = key.equals("candidates") ? p.integer(key, 0) : p.number(key, 0.0);
        if (!(v > 0)) {
            throw new PolicyException(where + "." + key, "a number > 0", String.valueOf(v));
        }
        return v;
    }
}
