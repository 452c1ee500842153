package org.feedlab.simulator.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.TickReadout;
import org.feedlab.simulator.User;
import org.feedlab.simulator.Workers;

/**
 * The collector of a tick (Mesa's DataCollector): builds one {@link SegmentView} per segment, the
 * whole population first, and runs the run's reporters over it in list order. Formulas and sources
 * are in docs/METRICS.md.
 */
public final class TickMetrics {
    /** The segment name of the whole population. */
    public static final String POPULATION = "all";

    /** Segments every run reports, in row order. */
    public static final List<String> SEGMENTS = List.of(POPULATION, User.ADULT, User.YOUNG);

    /** The users a field experiment of the society or of the platform treats. */
    public static final String TREATED = "treated";

    /** Everyone else, when a field experiment is configured. */
    public static final String UNTREATED = "untreated";

    private TickMetrics() {}

    /**
     * The segments of a run, in row order: {@link #SEGMENTS}, then, when the society or the
     * platform runs a field experiment, {@link #TREATED} and {@link #UNTREATED}. A user is treated
     * when any experiment treats them (membership is fixed for the run, so both groups hold the
     * same users before, during and after the treatment window: an intention-to-treat comparison).
     *
     * @param society the society (its deactivation and cross-follows experiments)
     * @param platformTreats the users the platform's experiments treat, empty when it runs none
     */
    public static List<Segment> segments(Society society, Optional<IntPredicate> platformTreats) {
        User[] users = society.users();
        List<Segment> out = new ArrayList<>();
        out.add(new Segment(POPULATION, u -> true));
        out.add(new Segment(User.ADULT, u -> users[u].segment().equals(User.ADULT)));
        out.add(new Segment(User.YOUNG, u -> users[u].segment().equals(User.YOUNG)));
        if (society.experimenting() || platformTreats.isPresent()) {
            IntPredicate platform = platformTreats.orElse(u -> false);
            boolean[] treated = new boolean[users.length];
            for (int u = 0; u < users.length; u++) {
                treated[u] = society.treats(u) || platform.test(u);
            }
            out.add(new Segment(TREATED, u -> treated[u]));
            out.add(new Segment(UNTREATED, u -> !treated[u]));
        }
        return out;
    }

    /**
     * The metric rows of one tick, in a fixed order: every reporter for "all", then for each
     * further segment.
     */
    public static List<Measurement> measure(
            Society society,
            TickReadout readout,
            List<Reporter> reporters,
            List<Segment> segments) {
        return measure(society, readout, reporters, segments, Workers.ONE);
    }

    /**
     * The same rows, the segments measured at once on {@code workers}: each segment's view is built
     * and its reporters run in one call (reporters are pure functions of their view, see {@link
     * Reporter}), and the segments' rows are joined in segment order, so the rows are the same for
     * any thread count.
     */
    public static List<Measurement> measure(
            Society society,
            TickReadout readout,
            List<Reporter> reporters,
            List<Segment> segments,
            Workers workers) {
        List<List<Measurement>> bySegment = new ArrayList<>(segments.size());
        for (int g = 0; g < segments.size(); g++) {
            bySegment.add(new ArrayList<>());
        }
        workers.forEach(
                segments.size(),
                g -> {
                    SegmentView segment = SegmentView.of(society, readout, segments, g);
                    List<Measurement> rows = bySegment.get(g);
                    Reporter.Out out =
                            (metric, value) ->
                                    rows.add(new Measurement(metric, segment.name(), value));
                    for (Reporter reporter : reporters) {
                        reporter.report(segment, out);
                    }
                });
        List<Measurement> rows = new ArrayList<>();
        for (List<Measurement> segment : bySegment) {
            rows.addAll(segment);
        }
        return rows;
    }
}
